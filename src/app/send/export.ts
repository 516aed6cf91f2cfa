// Home → "Export unsent stories" (issue 26), loaded on use: every story waiting to be sent, exactly
// as the queue would send it (its body and Idempotency-Key, sync/send/sendStory.ts storyToSend),
// sealed to the relay's export key in one file with this iPad's id and the time inside. The stories
// stay on the iPad; once the file is handed over they are marked "Exported" through the send
// reducer, and the iPad still sends them (the relay answers the second copy as a replay).
import { SEALED_FILE_EXTENSION, SEALED_FILE_MAX_BYTES, sealStories } from '../../domain/fleet/sealedFile.ts';
import type { ExportProblem } from '../../domain/send/sendProblem.ts';
import { isExportable, wasAttempted } from '../../domain/send/sendRules.ts';
import { connectionOf } from '../../domain/settings/relay.ts';
import type { Settings } from '../../domain/settings/settings.ts';
import type { StoryDb } from '../../store/db.ts';
import { listActive, openDestination } from '../../store/send/outbox.ts';
import { applySendEvent } from '../../store/send/sendWriter.ts';
import type { Cipher } from '../../store/vault/cipher.ts';
import type { Connection } from '../../sync/client.ts';
import { readExportKey } from '../../sync/relay/exportKey.ts';
import { destinationFor, storyToSend } from '../../sync/send/sendStory.ts';
import type { ExportedStory, ExportResult } from '../../ui/actions.ts';

export type ExportDeps = {
  db: StoryDb;
  /** The vault's cipher: the stories are opened only while unlocked. */
  cipher: Cipher;
  /** Web Crypto (the browser's `crypto`; Node's in tests). */
  crypto: Crypto;
  settings: () => Settings;
  now: () => number;
};

const refuse = (reason: ExportProblem): ExportResult => ({ ok: false, reason });

export type Chosen =
  | { ok: true; stories: (ExportedStory & { body: unknown })[] }
  | { ok: false; reason: 'locked' };

/**
 * The stories that go in the file, oldest first: each waiting to be sent and not already sent to the
 * posting desk (`isExportable`) with the body the queue would send, under its own key. Left out, as
 * the queue would leave them: one whose frozen copy cannot be opened or checked; and one already
 * tried at another address (its key belongs there: the queue keeps sending it there).
 */
export async function chooseUnsent(db: StoryDb, cipher: Cipher, current: Connection): Promise<Chosen> {
  const stories: (ExportedStory & { body: unknown })[] = [];
  for (const entry of await listActive(db)) {
    if (!isExportable(entry)) continue;
    if (wasAttempted(entry)) {
      const fixed = await openDestination(cipher, entry);
      if (destinationFor(fixed, current).apiAddress !== current.apiAddress) continue;
    }
    const toSend = await storyToSend(cipher, entry);
    if (!toSend.ok && toSend.reason === 'locked') return { ok: false, reason: 'locked' };
    if (toSend.ok) stories.push({ id: entry.id, idempotencyKey: entry.idempotencyKey, body: toSend.story });
  }
  return { ok: true, stories };
}

/** `stories-2026-12-07-12.sealed`: the day and how many, nothing about anyone. */
export const exportFileName = (now: number, count: number) =>
  `stories-${new Date(now).toISOString().slice(0, 10)}-${count}${SEALED_FILE_EXTENSION}`;

/** The sealed file of every story waiting to be sent, or why there is none. */
export async function sealUnsent(deps: ExportDeps): Promise<ExportResult> {
  const settings = deps.settings();
  if (settings.relayToken === '' || settings.relayDeviceId === '') return refuse('noRelay');
  const key = readExportKey(settings.relayExportKey);
  if (key === null) return refuse('noExportKey');
  const chosen = await chooseUnsent(deps.db, deps.cipher, connectionOf(settings));
  if (!chosen.ok) return refuse(chosen.reason);
  if (chosen.stories.length === 0) return refuse('nothingToExport');
  const now = deps.now();
  const bytes = await sealStories(deps.crypto, key, {
    deviceId: settings.relayDeviceId,
    createdAt: new Date(now).toISOString(),
    stories: chosen.stories.map(({ idempotencyKey, body }) => ({ idempotencyKey, body })),
  });
  if (bytes.length > SEALED_FILE_MAX_BYTES) return refuse('tooLarge');
  return {
    ok: true,
    name: exportFileName(now, chosen.stories.length),
    bytes,
    stories: chosen.stories.map(({ id, idempotencyKey }) => ({ id, idempotencyKey })),
  };
}

/**
 * The file was handed over: each story still waiting under the key it was sealed with is marked
 * "Exported" (the reducer's `exported` event); one sent, withdrawn or queued again meanwhile is left
 * as it is. How many were marked.
 */
export async function markExported(deps: ExportDeps, stories: readonly ExportedStory[]): Promise<number> {
  let marked = 0;
  for (const { id, idempotencyKey } of stories) {
    const now = deps.now();
    const options = { ctx: { random: Math.random }, now, expect: { key: idempotencyKey } };
    const result = await applySendEvent(deps.db, deps.cipher, id, { type: 'exported', now }, options);
    if (!result.ok) throw new Error(`the export mark was not written (${result.kind})`);
    if (result.value.kind === 'applied') marked += 1;
  }
  return marked;
}
