// What this iPad tells its relay it holds (issue 26): numbers only, counted from the outbox entries'
// plain fields and the stories' ids — never a title, a word, a name or a service. The body's schema
// is the shared contract's (domain/fleet); these are the rules for what each number counts.
import { APP_VERSION, type DeviceStatus } from '../fleet/deviceStatus.ts';
import type { OutboxEntry } from './sendEntry.ts';
import { isWaitingToSend } from './sendRules.ts';

export type HeldCounts = Pick<
  DeviceStatus,
  'waiting' | 'needsAttention' | 'readyToPost' | 'drafts' | 'oldestWaitingAt'
>;

/** When it entered the queue; an entry from before `queuedAt` was kept falls back to its first try. */
const queuedTime = (e: OutboxEntry) => (e.queuedAt > 0 ? e.queuedAt : (e.firstAttemptAt ?? 0));

/**
 * waiting: waiting to be sent (`isWaitingToSend`: queued or sending, not withdrawn — so never one at
 * the posting desk, issue 27: the relay holds it and its desk counts it; one whose desk try is to be
 * repeated is waiting); needsAttention
 * and readyToPost: entries in those states; drafts: stories with no entry (never queued, or taken
 * back); oldestWaitingAt: when the oldest waiting story was queued, or null with none waiting.
 */
export function heldCounts(entries: readonly OutboxEntry[], storyIds: Iterable<string>): HeldCounts {
  const queuedIds = new Set(entries.map((e) => e.id));
  let drafts = 0;
  for (const id of storyIds) if (!queuedIds.has(id)) drafts += 1;
  const waiting = entries.filter(isWaitingToSend);
  const times = waiting.map(queuedTime).filter((t) => t > 0);
  return {
    waiting: waiting.length,
    needsAttention: entries.filter((e) => e.state === 'needs-attention').length,
    readyToPost: entries.filter((e) => e.state === 'ready-to-post').length,
    drafts,
    oldestWaitingAt: times.length > 0 ? new Date(Math.min(...times)).toISOString() : null,
  };
}

/** The build's id as a short version string (`APP_VERSION`): a build stamped with a time loses its colons. */
export function appVersionOf(buildId: string): string {
  const version = buildId.replace(/[^A-Za-z0-9.+_-]/g, '-').slice(0, 64);
  return APP_VERSION.test(version) ? version : 'unknown';
}

/** The browser's storage figures as the status carries them: whole bytes, 0 and false when not known. */
export function storageFigures(storage: {
  persisted: boolean | 'unknown';
  usedBytes?: number | undefined;
  quotaBytes?: number | undefined;
}): DeviceStatus['storage'] {
  const bytes = (n: number | undefined) =>
    n !== undefined && Number.isFinite(n) && n > 0 ? Math.min(Math.round(n), Number.MAX_SAFE_INTEGER) : 0;
  return {
    persisted: storage.persisted === true,
    usedBytes: bytes(storage.usedBytes),
    quotaBytes: bytes(storage.quotaBytes),
  };
}
