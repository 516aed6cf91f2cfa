// Saving Settings and "Connect" (to a relay), loaded on use like the Settings screen: the domain's
// rules of a save (settingsChange) applied — stored, waiting stories moved to a new way of reaching
// Care Opinion, a new directory fetched by itself, and sending resumed.
import type { Signal } from '@preact/signals';
import { trustedRelayOrigins } from '../../domain/settings/relayTrust.ts';
import type { Settings } from '../../domain/settings/settings.ts';
import { settingsChange } from '../../domain/settings/settingsForm.ts';
import type { SettingsProblem } from '../../domain/settings/settingsProblem.ts';
import type { SettingsStore } from '../../store/settings/settings.ts';
import { fetchAppConfig } from '../../sync/appConfig.ts';
import type { SaveResult } from '../../ui/actions.ts';
import type { DataLoader } from '../dataLoader.ts';
import type { Privacy } from '../lock/privacy.ts';
import { connectRelay } from './relayConnect.ts';
import type { DeviceSettings } from './settings.ts';

export type SavesDeps = {
  device: DeviceSettings;
  privacy: Pick<Privacy, 'checkRecoveryCode'>;
  loader: DataLoader;
  pendingEnrolment: Signal<unknown>;
  /** The device store, where a waiting enrolment link is kept until used. */
  store: SettingsStore;
};

const NOT_MOVED = 'notMoved' satisfies SettingsProblem;

/** A new directory fetched by itself (when given); a corrected key resumes sending (stories held back by it too). */
function afterSave(loader: DataLoader, newDirectory: Settings | null): void {
  void loader.withData((d) => {
    if (newDirectory) void d.directory.refresh(newDirectory, true);
    void d.queue.trigger('settings-saved');
  });
}

export async function saveSettings(
  deps: SavesDeps,
  typed: Settings,
  recoveryCode?: string,
): Promise<SaveResult> {
  const change = settingsChange(deps.device.settings.value, typed);
  const saved = await deps.device.save(change.next, recoveryCode);
  if (!saved.ok) return saved;
  const { moveTo } = change;
  if (moveTo) {
    // The device refused the write that moves them: said so, and the settings stay saved.
    const moved = await deps.loader.withData((d) => d.applyDelivery(moveTo)).catch(() => null);
    if (moved === null) return { ok: false, reason: NOT_MOVED };
  }
  afterSave(deps.loader, change.newDirectory ? change.next : null);
  return { ok: true };
}

export async function connect(
  deps: SavesDeps,
  relayAddress: string,
  code: string,
  recoveryCode?: string,
): Promise<SaveResult> {
  const relayDeps = {
    ...deps.device,
    ...deps.privacy,
    fetch: window.fetch.bind(window),
    // Read now (not from the first run): the deployment's own file, fetched fresh; offline, none.
    trustedRelayOrigins: async () => trustedRelayOrigins(await fetchAppConfig()),
  };
  const result = await connectRelay(relayDeps, relayAddress, code, recoveryCode);
  if (!result.ok) return result;
  deps.pendingEnrolment.value = null;
  // Used: no copy of the link is kept (a failed delete leaves a spent code, refused if tried again).
  void import('../../store/vault/setupKept.ts').then((m) => m.forgetLink(deps.store)).catch(() => undefined);
  afterSave(deps.loader, deps.device.settings.value);
  return result;
}
