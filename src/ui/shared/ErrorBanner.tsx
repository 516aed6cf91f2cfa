// Something unexpected failed (the app's one error handler said so): nothing is lost; say so calmly.
import { useApp, useErrors } from '../actions.ts';
import { useText } from './text.ts';

export function ErrorBanner() {
  const { state } = useApp();
  const errors = useErrors();
  const t = useText();
  if (!state.failure.value) return null;
  return (
    <div class="banner banner-error" role="alert">
      <span>{t.common.somethingWrong}</span>
      <button type="button" onClick={errors.dismissError}>
        {t.common.dismiss}
      </button>
    </div>
  );
}
