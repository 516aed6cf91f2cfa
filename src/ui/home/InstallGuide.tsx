// In a Safari tab, storage may be cleared after 7 days unused, and stories typed in a tab do not
// appear in the installed app (PLATFORM.md): a non-blocking guide to add it to the Home Screen.
import { useApp } from '../actions.ts';
import { useText } from '../shared/text.ts';

export function InstallGuide() {
  const { state } = useApp();
  const t = useText();
  if (state.standalone.value) return null;
  return (
    <aside class="note" aria-label={t.home.installLabel}>
      <p>
        <strong>{t.home.installTitle}</strong> {t.home.installSteps}
      </p>
    </aside>
  );
}
