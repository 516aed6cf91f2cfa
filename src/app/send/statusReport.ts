// The relay's status report in this page (issue 26), loaded after the first send pass: what this
// iPad holds (counts from the store, the build's version, the browser's storage figures) posted to
// the relay after every pass and at least hourly, and the relay's export key fetched while online
// when the iPad has none (connected before the key existed). Only through a relay: a direct key or
// posting by hand sends nothing. Quiet: nothing on screen, never in the way of sending.
import { DeviceStatusSchema } from '../../domain/fleet/deviceStatus.ts';
import { appVersionOf, storageFigures } from '../../domain/send/statusReport.ts';
import { connectionOf } from '../../domain/settings/relay.ts';
import { deliveryMode, type Settings } from '../../domain/settings/settings.ts';
import type { StorageStatus } from '../../domain/settings/storage.ts';
import type { StoryDb } from '../../store/db.ts';
import { countHeld } from '../../store/send/outbox.ts';
import type { Client, Fetch } from '../../sync/client.ts';
import {
  createStatusReporter,
  postDeviceStatus,
  type StatusReporter,
} from '../../sync/relay/deviceStatus.ts';
import { fetchExportKey, readExportKey } from '../../sync/relay/exportKey.ts';

export type StatusReportDeps = {
  db: StoryDb;
  client: Client;
  fetch: Fetch;
  settings: () => Settings;
  /** Keeps a fetched export key with the settings, if the iPad is still on the relay of `token`. */
  keepExportKey(key: unknown, token: string): Promise<void>;
  now: () => number;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  isOnline: () => boolean;
  onError: (error: unknown) => void;
  buildId: string;
  /** navigator.storage's figures, without asking for persistence (app/device.ts readStorageStatus). */
  readStorage: () => Promise<StorageStatus>;
};

/**
 * One report: nothing unless this iPad sends through a relay (not a direct key, not posting by hand).
 * Whether one was sent (whatever the relay answered).
 */
export async function reportStatus(deps: StatusReportDeps): Promise<boolean> {
  const settings = deps.settings();
  if (settings.relayToken === '' || deliveryMode(settings) !== 'automatic') return false;
  const [held, storage] = await Promise.all([countHeld(deps.db), deps.readStorage()]);
  // Strict, as the relay checks it: a field that could carry words never leaves the iPad.
  const status = DeviceStatusSchema.parse({
    ...held,
    appVersion: appVersionOf(deps.buildId),
    storage: storageFigures(storage),
  });
  await postDeviceStatus(deps.client, connectionOf(settings), status);
  if (readExportKey(settings.relayExportKey) === null) {
    const key = await fetchExportKey(deps.fetch, settings.apiAddress, settings.relayToken);
    if (key !== null) await deps.keepExportKey(key, settings.relayToken);
  }
  return true;
}

export function createStatusReport(deps: StatusReportDeps): StatusReporter {
  return createStatusReporter({
    report: () => reportStatus(deps),
    now: deps.now,
    setTimer: deps.setTimer,
    clearTimer: deps.clearTimer,
    isOnline: deps.isOnline,
    onError: deps.onError,
  });
}
