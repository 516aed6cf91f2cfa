// After a send pass, the stories the posting desk holds (issue 27, relay/README.md "The posting
// desk"): each withdrawn on the iPad is withdrawn there (`DELETE /desk/stories/:key`); each sealed to
// a desk key since replaced is withdrawn there and sealed again under a new key; the rest are asked
// after (`GET /desk/stories/status?keys=…`, at most 100 a request): posted → Sent with its number (its
// personal data deleted, as after any confirmed send), unknown → sent again. Every change is the
// reducer's, through the store's one writer; the requests go through the same client and limiter.
import { classifyDeskDelete, type DeskState, readDeskStatus } from '../../domain/send/answers.ts';
import type { OutboxEntry } from '../../domain/send/sendEntry.ts';
import type { QueueEvent } from '../../domain/send/sendReducer.ts';
import * as outbox from '../../store/send/outbox.ts';
import { applySendEvent } from '../../store/send/sendWriter.ts';
import type { Connection } from '../client.ts';
import type { SendDeps } from './sendStory.ts';

/** The relay answers at most this many keys a status request. */
export const STATUS_KEYS_MAX = 100;

/**
 * What the pass did: `requeued` when a story went back to the queue (sent again, or to be sealed to a
 * new key: the runner sends it now); `stop` when the request was cancelled or a write refused.
 */
export type DeskPassOutcome = { requeued: boolean; ended: 'next' | 'stop-pass' | 'write-failed' };

export async function deskPass(
  deps: SendDeps & { onChange?: ((id: string) => void) | undefined },
): Promise<DeskPassOutcome> {
  const result: DeskPassOutcome = { requeued: false, ended: 'next' };
  const desk = deps.desk;
  const connection = deps.connection();
  if (desk === undefined || !connection.token) return result;
  const entries = await outbox.listAtDesk(deps.db);
  if (entries.length === 0) return result;
  const apply = async (entry: OutboxEntry, event: QueueEvent): Promise<boolean> => {
    const written = await applySendEvent(deps.db, deps.cipher, entry.id, event, {
      ctx: { random: deps.random },
      now: deps.now(),
      expect: { key: entry.idempotencyKey },
    });
    if (!written.ok) return false;
    deps.onChange?.(entry.id);
    if (written.value.kind === 'applied' && written.value.next.kind === 'entry') {
      result.requeued ||= written.value.next.entry.state === 'queued';
    }
    return true;
  };
  const kid = desk.key()?.kid;
  const asked: OutboxEntry[] = [];
  for (const entry of entries) {
    const withdrawing = entry.withdrawnAt !== undefined;
    const staleKey = kid !== undefined && entry.deskKid !== undefined && entry.deskKid !== kid;
    if (!withdrawing && !staleKey) {
      asked.push(entry);
      continue;
    }
    const path = `/desk/stories/${encodeURIComponent(entry.idempotencyKey)}`;
    const answer = await deps.client.request(connection, path, { method: 'DELETE' });
    if (answer.kind === 'cancelled') return { ...result, ended: 'stop-pass' };
    const outcome = classifyDeskDelete(answer);
    if (outcome === 'again') continue;
    const now = deps.now();
    let event: QueueEvent;
    if (outcome === 'posted') {
      // The lead posted it first: its number, from the desk.
      const states = await askStatus(deps, connection, [entry.idempotencyKey]);
      if (states === 'cancelled') return { ...result, ended: 'stop-pass' };
      const number = states?.find((s) => s.key === entry.idempotencyKey);
      event = {
        type: 'desk-deleted',
        outcome: 'posted',
        now,
        ...(number?.state === 'posted' ? { storyNumber: number.storyNumber } : {}),
      };
    } else
      event = {
        type: 'desk-deleted',
        outcome: 'gone',
        now,
        ...(withdrawing ? {} : { newKey: desk.newKey() }),
      };
    if (!(await apply(entry, event))) return { ...result, ended: 'write-failed' };
  }
  for (let i = 0; i < asked.length; i += STATUS_KEYS_MAX) {
    const chunk = asked.slice(i, i + STATUS_KEYS_MAX);
    const states = await askStatus(
      deps,
      connection,
      chunk.map((e) => e.idempotencyKey),
    );
    if (states === 'cancelled') return { ...result, ended: 'stop-pass' };
    if (states === null) break; // no answer, or not one to read: asked again next pass
    const byKey = new Map(states.map((s) => [s.key, s]));
    for (const entry of chunk) {
      const state = byKey.get(entry.idempotencyKey);
      if (state === undefined || state.state === 'waiting') continue;
      const event: QueueEvent =
        state.state === 'posted'
          ? { type: 'desk-status', state: 'posted', storyNumber: state.storyNumber, now: deps.now() }
          : { type: 'desk-status', state: state.state, now: deps.now(), newKey: desk.newKey() };
      if (!(await apply(entry, event))) return { ...result, ended: 'write-failed' };
    }
  }
  return result;
}

async function askStatus(
  deps: SendDeps,
  connection: Connection,
  keys: string[],
): Promise<DeskState[] | null | 'cancelled'> {
  const query = keys.map(encodeURIComponent).join(',');
  const answer = await deps.client.request(connection, `/desk/stories/status?keys=${query}`);
  if (answer.kind === 'cancelled') return 'cancelled';
  return readDeskStatus(answer);
}
