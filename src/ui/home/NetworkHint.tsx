// A hint only: navigator.onLine says a network interface is up, not that Care Opinion is reachable.
import { useApp } from '../actions.ts';
import { useText } from '../shared/text.ts';

export function NetworkHint() {
  const { state } = useApp();
  const t = useText();
  return (
    <p class={state.onlineHint.value ? 'hint hint-online' : 'hint hint-offline'} role="status">
      {state.onlineHint.value ? t.home.online : t.home.offline}
    </p>
  );
}
