// Offers a waiting new version; applying it first saves open work (ARCHITECTURE.md).
import { useState } from 'preact/hooks';
import { useApp } from '../actions.ts';

export function UpdateBanner() {
  const { state, actions } = useApp();
  const [busy, setBusy] = useState(false);
  if (!state.updateWaiting.value) return null;
  return (
    <div class="banner banner-info" role="status">
      <span>Update available. {busy ? 'Saving your work, then updating…' : 'Your work is saved first.'}</span>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void actions.applyUpdate().finally(() => setBusy(false));
        }}
      >
        Update
      </button>
    </div>
  );
}
