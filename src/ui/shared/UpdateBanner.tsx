// Offers a waiting new version; applying it first saves open work (ARCHITECTURE.md).
import { useState } from 'preact/hooks';
import { useApp, useDeviceActions } from '../actions.ts';
import { useText } from './text.ts';

export function UpdateBanner() {
  const { state } = useApp();
  const actions = useDeviceActions();
  const t = useText();
  const [busy, setBusy] = useState(false);
  if (!state.updateWaiting.value) return null;
  return (
    <div class="banner banner-info" role="status">
      <span>
        {t.send.updateAvailable} {busy ? t.send.updateSaving : t.send.updateSavedFirst}
      </span>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void actions.applyUpdate().finally(() => setBusy(false));
        }}
      >
        {t.send.update}
      </button>
    </div>
  );
}
