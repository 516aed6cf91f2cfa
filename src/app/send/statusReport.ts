// The relay's status report in this page (issue 26), loaded after the first send pass: what this
// iPad holds (counts from the store, the build's version, the browser's storage figures) posted to
// the relay after every pass and at least hourly, and what a sealed file needs from the relay asked
// with it (its export key, and this iPad's id while the iPad has none). Only through a relay: a direct key or
// posting by hand sends nothing. Quiet: nothing on screen, never in the way of sending.
import { DeviceStatusSchema } from '../../domain/fleet/deviceStatus.ts';
import { appVersionOf, storageFigures } from '../../domain/send/statusReport.ts';
import { connectionOf, type FetchedRelayFacts } from '../../domain/settings/relay.ts';
import { deliveryMode, type Settings } from '../../domain/settings/settings.ts';
import type { StorageStatus } from '../../domain/settings/storage.ts';
import type { StoryDb } from '../../store/db.ts';
import { countHeld } from '../../store/send/outbox.ts';
import type { Client, Fetch } from '../../sync/client.ts';
import { deskKeyChanged, fetchDeskKey } from '../../sync/relay/deskKey.ts';
import {
  createStatusReporter,
  postDeviceStatus,
  type StatusReporter,
} from '../../sync/relay/deviceStatus.ts';
import { fetchDeviceId, fetchExportKey, readExportKey } from '../../sync/relay/exportKey.ts';

export type StatusReportDeps = {
  db: StoryDb;
  client: Client;
  fetch: Fetch;
  settings: () => Settings;
  /** Keeps a fetched export key or device id with the settings, if the iPad is still on the relay of `token`. */
  keepRelayFacts(facts: FetchedRelayFacts, token: string): Promise<void>;
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
  const mode = deliveryMode(settings);
  if (settings.relayToken === '' || mode === 'by-hand') return false;
  const [held, storage] = await Promise.all([countHeld(deps.db), deps.readStorage()]);
  // Strict, as the relay checks it: a field that could carry words never leaves the iPad.
  const status = DeviceStatusSchema.parse({
    ...held,
    appVersion: appVersionOf(deps.buildId),
    storage: storageFigures(storage),
  });
  await postDeviceStatus(deps.client, connectionOf(settings), status);
  await learnRelayFacts(deps, settings);
  return true;
}

/**
 * The export key asked each time (an iPad connected before the key existed, or a relay whose key was
 * replaced: a file sealed to the old one would not open), kept when its id differs; the device id
 * asked only while missing (an iPad connected before the app kept it: without it, no export).
 */
async function learnRelayFacts(deps: StatusReportDeps, settings: Settings): Promise<void> {
  const { apiAddress, relayToken } = settings;
  const [key, deviceId, deskKey] = await Promise.all([
    fetchExportKey(deps.fetch, apiAddress, relayToken),
    settings.relayDeviceId === '' ? fetchDeviceId(deps.fetch, apiAddress, relayToken) : null,
    fetchDeskKey(deps.fetch, apiAddress, relayToken),
  ]);
  const facts: FetchedRelayFacts = {
    // The posting desk's key (issue 27): set up, replaced or gone since; kept as the relay says.
    ...(deskKey !== null && deskKeyChanged(settings.relayDeskKey, deskKey) ? { relayDeskKey: deskKey } : {}),
    ...(key !== null && key.kid !== readExportKey(settings.relayExportKey)?.kid
      ? { relayExportKey: key }
      : {}),
    ...(deviceId !== null ? { relayDeviceId: deviceId } : {}),
  };
  if (Object.keys(facts).length > 0) await deps.keepRelayFacts(facts, relayToken);
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
