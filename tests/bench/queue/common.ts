// What both send queues in the queue bench share: the same 200 queueable stories (unique titles, one
// UUID Idempotency-Key each), the sandbox controls, and the counters read back from the sandbox.

import { checkQueueable } from '../../../src/domain/story/sendReadiness.ts';
import type { Draft } from '../../../src/domain/story/story.ts';
import type { QueuedStory } from '../../../src/domain/story/submission.ts';
import { completeDraft } from '../../unit/sync/storyFixtures.ts';

export const KEY = 'sandbox-key';
/** The bench's own request timeout; the app uses 30 s (REQUEST_TIMEOUT_MS). Hangs need one. */
export const BENCH_TIMEOUT_MS = 3_000;

export type BenchStory = { id: string; title: string; key: string; draft: Draft; payload: QueuedStory };

export function makeStories(n: number): BenchStory[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `bench-${String(i + 1).padStart(3, '0')}`;
    const draft = completeDraft(id, true);
    const check = checkQueueable(draft, { recordedByDefault: 'Sam', region: 'uk' });
    if (!check.ok) throw new Error(`bench story ${id} is not queueable: ${JSON.stringify(check.missing)}`);
    return { id, title: draft.title.trim(), key: crypto.randomUUID(), draft, payload: check.story };
  });
}

export type Faults = Record<string, number | [number, number]>;

async function control(origin: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${origin}/__sandbox/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Forgets stories, keys, counters and faults, then sets this run's faults (re-seeded). */
export async function resetSandbox(origin: string, faults: Faults): Promise<void> {
  await control(origin, 'reset', {});
  await control(origin, 'faults', faults);
}

type Received = { idempotencyKey: string; title: string };
type Stats = { requests: Record<string, number>; hung: number; dropped: number };

/** One run's figures; drainMs is null when the queue had not emptied by the cap. */
export type RunFigures = {
  drainMs: number | null;
  stored: number;
  duplicates: number;
  losses: number;
  requests: number;
  byStatus: Record<string, number>;
  note?: string;
};

/** Reads what the sandbox stored and answered, and compares it with the stories queued. */
export async function countRun(
  origin: string,
  stories: readonly BenchStory[],
  drainMs: number | null,
): Promise<RunFigures> {
  const received = (await control(origin, 'received')) as Received[];
  const stats = (await control(origin, 'stats')) as Stats;
  const byTitle = new Map<string, number>();
  for (const r of received) byTitle.set(r.title, (byTitle.get(r.title) ?? 0) + 1);
  const stored = stories.filter((s) => byTitle.has(s.title)).length;
  const duplicates = stories.reduce((n, s) => n + Math.max(0, (byTitle.get(s.title) ?? 0) - 1), 0);
  const answered = Object.values(stats.requests).reduce((a, b) => a + b, 0);
  return {
    drainMs,
    stored,
    duplicates,
    losses: stories.length - stored,
    // Hung and dropped requests never finish an answer, so the status counters miss them.
    requests: answered + stats.hung + stats.dropped,
    byStatus: { ...stats.requests, hung: stats.hung, dropped: stats.dropped },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
