// Runs in the app's page: seeds realistic stories through the app's own store code, sealed with the
// app's own key (as a device that has been used for months would hold them).
import type { SendVerdict } from '../../../src/domain/send/answers.ts';
import { checkQueueable } from '../../../src/domain/story/sendReadiness.ts';
import { createDb, type StoryDb } from '../../../src/store/db.ts';
import { applySendEvent } from '../../../src/store/send/sendWriter.ts';
import { queueStory } from '../../../src/store/send/storyQueue.ts';
import { openSettingsStore } from '../../../src/store/settings/settings.ts';
import { createStory } from '../../../src/store/story/stories.ts';
import { summaryOf } from '../../../src/store/story/summaries.ts';
import { type Cipher, storyAad, vaultCipher } from '../../../src/store/vault/cipher.ts';
import { createVault } from '../../../src/store/vault/vault.ts';

const DB_NAME = 'story-collector';

export type SeedPlan = { drafts: number; needsAttention: number; receipts: number; now: number };
/** Drafts are written this many to a transaction (the rows exactly as createStory writes them). */
const BATCH = 1_000;
export type SeedCounts = { stories: number; outbox: number; receipts: number };

const WORDS = (
  'the nurse on the ward was kind and explained everything we were worried about my mother after ' +
  'her operation staff came quickly when the buzzer rang but the food was cold and nobody told us ' +
  'when the doctor would come the discharge letter took hours to arrive the physio was patient ' +
  'and gentle the car park was full and the signs were confusing thank you to the night team'
).split(' ');
const SERVICES = [
  ['RX1RA', "St Mary's Hospital"],
  ['RX1RA01', 'Thérèse Ward'],
  ['RX1CC', 'Children’s Outpatients'],
  ['G82001', 'Riverside Surgery'],
  ['RX1EM', 'Emergency Department'],
] as const;

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The app's database as the app created it (never creates or upgrades it). */
export async function openAppDb(): Promise<IDBDatabase> {
  const dbs = await indexedDB.databases();
  if (!dbs.some((d) => d.name === DB_NAME)) throw new Error('the app has not created its database yet');
  const db = await done(indexedDB.open(DB_NAME));
  db.onversionchange = () => db.close();
  return db;
}

function makeRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function draftFor(id: string, i: number, at: number, r: () => number, consented: boolean) {
  const words = (n: number) =>
    Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
  const service = SERVICES[i % SERVICES.length] ?? SERVICES[0];
  const sentence = (n: number) => `${words(n)}.`.replace(/^./, (c) => c.toUpperCase());
  return {
    id,
    title: i % 17 === 0 && !consented ? '' : sentence(4 + Math.floor(r() * 6)).slice(0, -1),
    body: Array.from({ length: 3 + Math.floor(r() * 12) }, () => sentence(8 + Math.floor(r() * 14))).join(
      ' ',
    ),
    whatWasGood: sentence(10 + Math.floor(r() * 20)),
    whatCouldBeDifferent: i % 3 === 0 ? '' : sentence(10 + Math.floor(r() * 20)),
    services: [{ nacs: service[0], name: service[1] }],
    author: {
      username: `visitor${i}`,
      email: i % 40 === 0 ? '' : `person${i}@example.org`,
      noEmail: i % 40 === 0,
      postcode: 'NG5 1PB',
      role: 'patient' as const,
    },
    consent: consented
      ? { publish: true, givenAt: new Date(at).toISOString(), recordedBy: 'Bench' }
      : { publish: false },
    collectedAt: new Date(at).toISOString(),
    step: i % 6,
  };
}

/**
 * Seeds through the app's own store code with the app's own key (the vault unlocked with the PIN,
 * as the app does): every row sealed, with its Home row, exactly as a device that has been used for
 * months would hold them. Needs attention: queued, attempted and refused; receipts: sent.
 */
export async function seed(plan: SeedPlan & { pin: string }): Promise<SeedCounts> {
  const vault = createVault({ store: openSettingsStore(), locks: navigator.locks });
  const unlocked = await vault.unlock(plan.pin);
  if (!unlocked.ok) throw new Error(`the bench could not unlock the vault: ${unlocked.reason}`);
  const cipher = vaultCipher(vault);
  const db = createDb();
  const r = makeRandom(2026);
  const ctx = { random: () => 0.5 };
  const total = plan.drafts + plan.needsAttention + plan.receipts;
  // Spread over the last 90 days, one "today".
  const atOf = (i: number) => plan.now - Math.floor(r() * 90 * 86_400_000) - (i === 0 ? 0 : 3_600_000);
  for (let start = 0; start < plan.drafts; start += BATCH) {
    const drafts = Array.from({ length: Math.min(BATCH, plan.drafts - start) }, (_, k) => {
      const i = start + k;
      const at = atOf(i);
      return { id: crypto.randomUUID(), at, draft: draftFor('', i, at, r, false) };
    });
    await writeDrafts(db, cipher, drafts);
  }
  for (let i = plan.drafts; i < total; i++) {
    const id = crypto.randomUUID();
    const at = atOf(i);
    const draft = draftFor(id, i, at, r, true);
    must(await createStory(db, cipher, id, draft, at));
    const check = checkQueueable(draft, { recordedByDefault: 'Bench', region: 'uk', now: at });
    if (!check.ok) throw new Error(`seed story not queueable: ${JSON.stringify(check.missing)}`);
    must(await queueStory(db, cipher, id, check.story, crypto.randomUUID(), at, at));
    const started = { type: 'attempt-started', now: at, destination: undefined, exclusive: true } as const;
    must(await applySendEvent(db, cipher, id, started, { ctx, now: at }));
    const receipt = i >= plan.drafts + plan.needsAttention;
    const verdict: SendVerdict = receipt
      ? { class: 'sent', id: String(900000 + i) }
      : { class: 'needs-attention', errors: [], reason: 'refused' };
    must(
      await applySendEvent(
        db,
        cipher,
        id,
        { type: 'answered', attempt: 1, verdict, now: at + 1000 },
        { ctx, now: at + 1000 },
      ),
    );
  }
  const counts = {
    stories: await db.stories.count(),
    outbox: await db.outbox.count(),
    receipts: await db.receipts.count(),
  };
  db.close();
  vault.lock();
  return counts;
}

type Seeded = { id: string; at: number; draft: ReturnType<typeof draftFor> };

/**
 * A batch of drafts as createStory writes each (the sealed story and its sealed Home row), sealed
 * first and written in one transaction: 50,000 one by one would take the bench most of an hour.
 */
async function writeDrafts(db: StoryDb, cipher: Cipher, drafts: readonly Seeded[]): Promise<void> {
  const rows = await Promise.all(
    drafts.map(async ({ id, at, draft }) => {
      const own = { ...draft, id };
      const times = { createdAt: at, updatedAt: at };
      return {
        story: { id, ...times, payload: await cipher.seal(own, storyAad(id)) },
        summary: await summaryOf(cipher, id, own, times),
      };
    }),
  );
  await db.transaction('rw', db.stories, db.summaries, async () => {
    await db.stories.bulkAdd(rows.map((row) => row.story));
    await db.summaries.bulkAdd(rows.map((row) => row.summary));
  });
}

function must(result: { ok: boolean; reason?: string }): void {
  if (!result.ok) throw new Error(`a seed write failed: ${result.reason ?? ''}`);
}
