// Runs in the app's page: bulk-inserts realistic story rows straight into the app's IndexedDB (as a
// device that has been used for months would hold them), and counts rows not yet sealed.
const DB_NAME = 'story-collector';

export type SeedPlan = { drafts: number; needsAttention: number; receipts: number; now: number };
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

function draftFor(id: string, i: number, at: number, r: () => number) {
  const words = (n: number) =>
    Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
  const service = SERVICES[i % SERVICES.length] ?? SERVICES[0];
  const sentence = (n: number) => `${words(n)}.`.replace(/^./, (c) => c.toUpperCase());
  return {
    id,
    title: i % 17 === 0 ? '' : sentence(4 + Math.floor(r() * 6)).slice(0, -1),
    body: Array.from({ length: 3 + Math.floor(r() * 12) }, () => sentence(8 + Math.floor(r() * 14))).join(
      ' ',
    ),
    whatWasGood: sentence(10 + Math.floor(r() * 20)),
    whatCouldBeDifferent: i % 3 === 0 ? '' : sentence(10 + Math.floor(r() * 20)),
    services: [{ nacs: service[0], name: service[1] }],
    author: {
      username: `visitor${i}`,
      email: `person${i}@example.org`,
      noEmail: i % 40 === 0,
      postcode: 'NG5 1PB',
      role: 'patient',
    },
    consent: { publish: false },
    collectedAt: new Date(at).toISOString(),
    step: i % 6,
  };
}

export async function seed(plan: SeedPlan): Promise<SeedCounts> {
  const r = makeRandom(2026);
  const db = await openAppDb();
  const tx = db.transaction(['stories', 'outbox', 'receipts'], 'readwrite');
  const total = plan.drafts + plan.needsAttention;
  for (let i = 0; i < total; i++) {
    const id = crypto.randomUUID();
    // Spread over the last 90 days, one "today".
    const at = plan.now - Math.floor(r() * 90 * 86_400_000) - (i === 0 ? 0 : 3_600_000);
    const draft = draftFor(id, i, at, r);
    const attention = i < plan.needsAttention;
    tx.objectStore('stories').put({
      id,
      state: attention ? 'needs-attention' : 'draft',
      createdAt: at,
      updatedAt: at,
      payload: draft,
    });
    if (attention) {
      tx.objectStore('outbox').put({
        id,
        state: 'needs-attention',
        idempotencyKey: crypto.randomUUID(),
        payload: draft,
        attempts: 1,
        firstAttemptAt: at,
        nextAttemptAt: at,
        failures: 0,
        notBefore: 0,
        queuedAt: at,
        lastProblem: 'Care Opinion did not accept the username.',
        fieldProblems: [{ field: 'author.username', message: 'This username is not accepted' }],
      });
    }
  }
  for (let i = 0; i < plan.receipts; i++) {
    const at = plan.now - Math.floor(r() * 90 * 86_400_000);
    const service = SERVICES[i % SERVICES.length] ?? SERVICES[0];
    tx.objectStore('receipts').put({
      id: crypto.randomUUID(),
      kind: 'sent',
      at,
      careOpinionId: String(900000 + i),
      title: `Sent story ${i + 1}`,
      services: [service[1]],
      postedOnBehalf: false,
      mayHaveArrived: true,
    });
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const counts = {
    stories: await done(db.transaction('stories').objectStore('stories').count()),
    outbox: await done(db.transaction('outbox').objectStore('outbox').count()),
    receipts: await done(db.transaction('receipts').objectStore('receipts').count()),
  };
  db.close();
  return counts;
}

const isSealed = (p: unknown) =>
  typeof p === 'object' &&
  p !== null &&
  (p as { v?: unknown }).v === 1 &&
  (p as { data?: unknown }).data instanceof ArrayBuffer;

/** Story and outbox rows whose payload is still in the clear (the app seals them after an unlock). */
export async function countPlain(): Promise<{ rows: number; plain: number }> {
  const db = await openAppDb();
  const stories = (await done(db.transaction('stories').objectStore('stories').getAll())) as {
    payload?: unknown;
  }[];
  const outbox = (await done(db.transaction('outbox').objectStore('outbox').getAll())) as {
    payload?: unknown;
  }[];
  db.close();
  const rows = [...stories, ...outbox];
  return { rows: rows.length, plain: rows.filter((row) => !isSealed(row.payload)).length };
}
