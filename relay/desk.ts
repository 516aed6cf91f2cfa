// The posting desk (issue 27): the lead's desk key, and the stories iPads sealed to it, kept until
// the lead has posted them on Care Opinion by hand. The relay holds ciphertext it cannot open (the
// private key is wrapped with a passphrase only the lead knows), then a receipt: the story number,
// when, by whom, from which device. One row per (device, Idempotency-Key), so a desk story never
// meets an /opinions key, and one insert stores it: no lease, nothing sent anywhere.
import { createHash, randomUUID } from 'node:crypto';
import type { RelayDb } from './db/database.ts';
import type { DeskStoriesTable } from './db/schema.ts';

const DAY = 24 * 60 * 60 * 1000;
/** A story waiting at the desk longer than this is flagged (the desk's list, the fleet's rows). */
export const DESK_OVERDUE_MS = 30 * DAY;
/** `GET /api/v2/desk/stories/status` answers at most this many keys at once. */
export const STATUS_KEYS_MAX = 100;
const ROW = 'current';

export type PublicJwk = { kty: 'EC'; crv: 'P-256'; x: string; y: string };
/** `wrapped`: the lead's passphrase-wrapped private key, as the browser sent it (never opened here). */
export type DeskKey = { kid: string; jwk: PublicJwk; wrapped: unknown };
export type SealedStory = { kid: string; sealed: string };
export type DeskState = DeskStoriesTable['state'];

export type Received =
  | { kind: 'stored' | 'replay'; id: string }
  | { kind: 'key-reused' | 'no-desk' | 'desk-key-changed' };

export type KeyStatus = { key: string; state: DeskState | 'unknown'; storyNumber?: string };

export type WaitingStory = {
  id: string;
  device: { id: string; name: string | null };
  receivedAt: string;
  kid: string;
  sealed: string;
  /** Waiting longer than DESK_OVERDUE_MS. */
  overdue: boolean;
};

export type Receipt = {
  id: string;
  storyNumber: string;
  postedAt: string;
  postedBy: string;
  postedFrom: string;
  deviceId: string;
};

/** What stops a story being marked posted or withdrawn: a code the caller answers with. */
export type NotWaiting = 'unknown-story' | 'already-posted' | 'withdrawn';

/** Each device's stories waiting at the desk: how many, the oldest, how many are overdue. */
export type DeskWaiting = { deskWaiting: number; deskOldestAt: string | null; deskOverdue: number };
export const NONE_WAITING: DeskWaiting = { deskWaiting: 0, deskOldestAt: null, deskOverdue: 0 };

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();
/** `{ kid, sealed }`'s SHA-256: a ciphertext under a fresh ephemeral key, so nothing a guess could confirm. */
const hashOf = (story: SealedStory) =>
  createHash('sha256')
    .update(JSON.stringify([story.kid, story.sealed]))
    .digest('hex');

function notWaiting(state: DeskState | undefined): NotWaiting {
  if (state === 'posted') return 'already-posted';
  return state === 'withdrawn' ? 'withdrawn' : 'unknown-story';
}

export function createDesk({ db }: RelayDb, now: () => number) {
  async function key(): Promise<DeskKey | null> {
    const row = await db.selectFrom('desk_key').selectAll().where('name', '=', ROW).executeTakeFirst();
    if (!row) return null;
    return { kid: row.kid, jwk: JSON.parse(row.public_jwk), wrapped: JSON.parse(row.wrapped) };
  }

  const countWaiting = async (kid: string) => {
    const row = await db
      .selectFrom('desk_stories')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'waiting')
      .where('kid', '=', kid)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };

  async function find(deviceId: string, idempotencyKey: string) {
    return db
      .selectFrom('desk_stories')
      .select(['id', 'body_hash', 'state', 'story_number'])
      .where('device_id', '=', deviceId)
      .where('idempotency_key', '=', idempotencyKey)
      .executeTakeFirst();
  }

  return {
    key,

    /**
     * Stores the desk key. One exists: `desk-key-exists` unless `replace`; replaced, the stories
     * sealed to the old key stay waiting with its kid (`waitingOnOldKey`): only the old passphrase
     * and wrapped key could open them, so the lead sees them and the iPads send them again.
     */
    async setKey(
      given: DeskKey,
      replace: boolean,
    ): Promise<
      | { ok: true; replacedKid: string | null; waitingOnOldKey: number }
      | { ok: false; error: 'desk-key-exists' }
    > {
      const row = {
        kid: given.kid,
        public_jwk: JSON.stringify(given.jwk),
        wrapped: JSON.stringify(given.wrapped),
        created_at: now(),
      };
      const old = await key();
      const insert = db.insertInto('desk_key').values({ name: ROW, ...row });
      if (!replace) {
        const done = await insert.onConflict((oc) => oc.column('name').doNothing()).executeTakeFirst();
        if (Number(done.numInsertedOrUpdatedRows) !== 1) return { ok: false, error: 'desk-key-exists' };
        return { ok: true, replacedKid: null, waitingOnOldKey: 0 };
      }
      await insert.onConflict((oc) => oc.column('name').doUpdateSet(row)).execute();
      const replacedKid = old && old.kid !== given.kid ? old.kid : null;
      return { ok: true, replacedKid, waitingOnOldKey: replacedKid ? await countWaiting(replacedKid) : 0 };
    },

    /** A device's sealed story: stored once per (device, key); the same body again is a replay. */
    async receive(deviceId: string, idempotencyKey: string, story: SealedStory): Promise<Received> {
      const bodyHash = hashOf(story);
      const answer = (row: { id: string; body_hash: string }): Received =>
        row.body_hash === bodyHash ? { kind: 'replay', id: row.id } : { kind: 'key-reused' };
      const existing = await find(deviceId, idempotencyKey);
      if (existing) return answer(existing);
      const current = await key();
      if (!current) return { kind: 'no-desk' };
      if (current.kid !== story.kid) return { kind: 'desk-key-changed' };
      const id = randomUUID();
      const inserted = await db
        .insertInto('desk_stories')
        .values({
          id,
          device_id: deviceId,
          idempotency_key: idempotencyKey,
          body_hash: bodyHash,
          kid: story.kid,
          sealed: story.sealed,
          state: 'waiting',
          received_at: now(),
        })
        .onConflict((oc) => oc.columns(['device_id', 'idempotency_key']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows) === 1) return { kind: 'stored', id };
      const raced = await find(deviceId, idempotencyKey); // the same request, twice at once
      return raced ? answer(raced) : { kind: 'key-reused' };
    },

    /** The device's own stories' states, one per key asked, in order; anyone else's is `unknown`. */
    async statuses(deviceId: string, keys: string[]): Promise<KeyStatus[]> {
      const rows = await db
        .selectFrom('desk_stories')
        .select(['idempotency_key', 'state', 'story_number'])
        .where('device_id', '=', deviceId)
        .where('idempotency_key', 'in', keys)
        .execute();
      const byKey = new Map(rows.map((row) => [row.idempotency_key, row]));
      return keys.map((k): KeyStatus => {
        const row = byKey.get(k);
        if (!row) return { key: k, state: 'unknown' };
        return row.story_number
          ? { key: k, state: row.state, storyNumber: row.story_number }
          : { key: k, state: row.state };
      });
    },

    /** The device takes its story back before it is posted: the ciphertext is deleted. */
    async withdraw(
      deviceId: string,
      idempotencyKey: string,
    ): Promise<{ ok: true; id: string; now: boolean } | { ok: false; error: NotWaiting }> {
      const row = await find(deviceId, idempotencyKey);
      if (!row) return { ok: false, error: 'unknown-story' };
      const done = await db
        .updateTable('desk_stories')
        .set({ state: 'withdrawn', sealed: null, withdrawn_at: now() })
        .where('id', '=', row.id)
        .where('state', '=', 'waiting')
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) === 1) return { ok: true, id: row.id, now: true };
      const after = await find(deviceId, idempotencyKey);
      // Withdrawing twice is still withdrawn: the iPad may not have heard the first answer.
      return after?.state === 'withdrawn'
        ? { ok: true, id: row.id, now: false }
        : { ok: false, error: notWaiting(after?.state) };
    },

    /** GET /admin/api/desk/stories: every waiting story, oldest first. */
    async waiting(): Promise<WaitingStory[]> {
      const rows = await db
        .selectFrom('desk_stories')
        .leftJoin('devices', 'devices.id', 'desk_stories.device_id')
        .select([
          'desk_stories.id',
          'desk_stories.device_id',
          'devices.name',
          'desk_stories.received_at',
          'desk_stories.kid',
          'desk_stories.sealed',
        ])
        .where('desk_stories.state', '=', 'waiting')
        .orderBy('desk_stories.received_at')
        .orderBy('desk_stories.id')
        .execute();
      const at = now();
      return rows.map((row) => ({
        id: row.id,
        device: { id: row.device_id, name: row.name },
        receivedAt: iso(row.received_at),
        kid: row.kid,
        sealed: row.sealed ?? '',
        overdue: at - Number(row.received_at) > DESK_OVERDUE_MS,
      }));
    },

    /** The lead posted it: the ciphertext is deleted and a receipt kept. */
    async post(
      id: string,
      storyNumber: string,
      by: { postedBy: string; postedFrom: string },
    ): Promise<{ ok: true; receipt: Receipt } | { ok: false; error: NotWaiting }> {
      const at = now();
      const done = await db
        .updateTable('desk_stories')
        .set({
          state: 'posted',
          sealed: null,
          story_number: storyNumber,
          posted_at: at,
          posted_by: by.postedBy,
          posted_from: by.postedFrom,
        })
        .where('id', '=', id)
        .where('state', '=', 'waiting')
        .returning(['device_id'])
        .executeTakeFirst();
      if (done)
        return { ok: true, receipt: { id, storyNumber, postedAt: iso(at), ...by, deviceId: done.device_id } };
      const row = await db.selectFrom('desk_stories').select('state').where('id', '=', id).executeTakeFirst();
      return { ok: false, error: notWaiting(row?.state) };
    },

    /** Per device: stories waiting at the desk, the oldest, and how many are overdue (fleet view). */
    async waitingByDevice(): Promise<Map<string, DeskWaiting>> {
      const overdueBefore = now() - DESK_OVERDUE_MS;
      const rows = await db
        .selectFrom('desk_stories')
        .select((eb) => [
          'device_id',
          eb.fn.countAll<number>().as('n'),
          eb.fn.min('received_at').as('oldest'),
          eb.fn
            .sum<number>(eb.case().when('received_at', '<', overdueBefore).then(1).else(0).end())
            .as('overdue'),
        ])
        .where('state', '=', 'waiting')
        .groupBy('device_id')
        .execute();
      return new Map(
        rows.map((row) => [
          row.device_id,
          {
            deskWaiting: Number(row.n),
            deskOldestAt: iso(row.oldest as number),
            deskOverdue: Number(row.overdue),
          },
        ]),
      );
    },
  };
}

export type Desk = ReturnType<typeof createDesk>;
