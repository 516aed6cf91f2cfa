// The crypto bench's page script (bundled by esbuild): the app's own vault and store code, run in
// the app's page against its own IndexedDB, device key and data key, to time unlocking (Argon2id
// and both layers), sealing and opening.
import { newDraft } from '../../../src/domain/story/story.ts';
import { createDb } from '../../../src/store/db.ts';
import { openSettingsStore } from '../../../src/store/settings/settings.ts';
import { BACKFILL_DONE_KEY } from '../../../src/store/story/summaryBackfill.ts';
import { storyAad, vaultCipher } from '../../../src/store/vault/cipher.ts';
import { createVault } from '../../../src/store/vault/vault.ts';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function story(i: number) {
  const draft = newDraft(`bench-${i}`, Date.now() - i * 60_000);
  const words = 'the nurse explained everything clearly and kindly while we waited for the scan'.split(' ');
  const body = Array.from({ length: 300 }, (_, w) => words[(w * 7 + i) % words.length]).join(' ');
  return {
    ...draft,
    title: `Bench story ${i}`,
    body,
    whatWasGood: 'Kindness at night.',
    whatCouldBeDifferent: 'The wait in the corridor.',
    services: [{ nacs: 'RX1RA', name: "St Mary's Hospital" }],
    author: { ...draft.author, username: `walker${i}`, email: `person${i}@example.org`, postcode: 'NG5 1PB' },
  };
}

/** One unlock with the PIN by the app's vault, as the Lock screen does it; in milliseconds. */
async function timeUnlock(pin: string): Promise<number> {
  const vault = createVault({ store: openSettingsStore() });
  const t0 = performance.now();
  const unlocked = await vault.unlock(pin);
  const ms = performance.now() - t0;
  if (!unlocked.ok) throw new Error(unlocked.reason.code);
  return ms;
}

/** Unlocks with the PIN, then seals `count` stories and writes them in one go. */
async function seedAndTime(pin: string, count: number) {
  const vault = createVault({ store: openSettingsStore() });
  const t0 = performance.now();
  const unlocked = await vault.unlock(pin);
  const unlockMs = performance.now() - t0;
  if (!unlocked.ok) throw new Error(unlocked.reason.code);
  const cipher = vaultCipher(vault);
  const sealMs: number[] = [];
  const rows = [];
  for (let i = 0; i < count; i++) {
    const draft = story(i);
    const s = performance.now();
    const payload = await cipher.seal(draft, storyAad(draft.id ?? ''));
    sealMs.push(performance.now() - s);
    rows.push({ id: draft.id ?? '', state: 'draft', createdAt: Date.now(), updatedAt: Date.now(), payload });
  }
  const db = createDb();
  await db.stories.bulkPut(rows);
  // Bare rows, as before DB_V5's summaries: the next unlock must build Home's rows from them (the
  // figure "opens every story"), so the backfill's "nothing missing" mark from the set-up goes.
  await db.meta.delete(BACKFILL_DONE_KEY);
  const openMs: number[] = [];
  for (const row of await db.stories.toArray()) {
    const s = performance.now();
    await cipher.open(row.payload, storyAad(row.id));
    openMs.push(performance.now() - s);
  }
  db.close();
  const bytes = JSON.stringify(story(0)).length;
  const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
  return {
    unlockMs,
    storyBytes: bytes,
    seal: { p50: percentile(sealMs, 50), p95: percentile(sealMs, 95), totalMs: sum(sealMs) },
    open: { p50: percentile(openMs, 50), p95: percentile(openMs, 95), totalMs: sum(openMs) },
  };
}

(globalThis as unknown as { cryptoBench: unknown }).cryptoBench = { seedAndTime, timeUnlock };
export type CryptoProbe = { seedAndTime: typeof seedAndTime; timeUnlock: typeof timeUnlock };
