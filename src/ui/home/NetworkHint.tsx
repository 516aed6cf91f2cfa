// A hint only: navigator.onLine says a network interface is up, not that Care Opinion is reachable.
import { useApp } from '../actions.ts';

export function NetworkHint() {
  const { state } = useApp();
  return (
    <p class={state.onlineHint.value ? 'hint hint-online' : 'hint hint-offline'} role="status">
      {state.onlineHint.value
        ? 'This device seems to be online.'
        : 'This device seems to be offline. Stories are kept safely on this device until it is back online.'}
    </p>
  );
}
