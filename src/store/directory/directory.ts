// The service directory on the device: pages written with their progress in one transaction (so
// an interrupted refresh resumes exactly), and a full refresh that replaces the old directory
// only when complete. Callers get domain types, never raw rows.
import * as z from 'zod/mini';
import { type Service, ServiceSchema } from '../../domain/directory/service.ts';
import type { ServiceIndex } from '../../domain/directory/serviceIndex.ts';
import type { StoryDb } from '../db.ts';
import { putIndexRow } from './directoryIndex.ts';

const JobSchema = z.object({
  kind: z.enum(['full', 'incremental']),
  gen: z.number(),
  skip: z.number(),
  fetched: z.number(),
  malformed: z.number(),
  startedAt: z.number(),
  addedAfter: z.optional(z.string()),
  totalEstimate: z.optional(z.number()),
});
export type DirectoryJob = z.infer<typeof JobSchema>;

const DirectoryStateSchema = z.object({
  /** 0 until the first full download completes. */
  activeGen: z._default(z.number(), 0),
  count: z._default(z.number(), 0),
  malformed: z._default(z.number(), 0),
  lastFullAt: z.optional(z.number()),
  /** Start time of the last completed refresh: the next incremental asks for services added after it. */
  lastRefreshAt: z.optional(z.number()),
  job: z.optional(JobSchema),
  /** The relay's version (ETag) of the directory last downloaded whole from it: asked with If-None-Match. */
  relayEtag: z.optional(z.string()),
});
export type DirectoryState = z.infer<typeof DirectoryStateSchema>;

const META_KEY = 'directory';

export async function getDirectoryState(db: StoryDb): Promise<DirectoryState> {
  const row = await db.meta.get(META_KEY);
  const parsed = DirectoryStateSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : DirectoryStateSchema.parse({});
}

async function putState(db: StoryDb, state: DirectoryState): Promise<void> {
  await db.meta.put({ key: META_KEY, value: state });
}

/** Starts a job. A full one writes into a fresh generation, clearing leftovers of an abandoned one. */
export async function startJob(
  db: StoryDb,
  kind: DirectoryJob['kind'],
  startedAt: number,
  addedAfter?: string,
): Promise<DirectoryJob> {
  return db.transaction('rw', db.services, db.meta, async () => {
    const state = await getDirectoryState(db);
    const gen = kind === 'full' ? state.activeGen + 1 : state.activeGen;
    if (kind === 'full') await db.services.where('gen').notEqual(state.activeGen).delete();
    const job: DirectoryJob = { kind, gen, skip: 0, fetched: 0, malformed: 0, startedAt };
    if (addedAfter !== undefined) job.addedAfter = addedAfter;
    await putState(db, { ...state, job });
    return job;
  });
}

/** Stores one page and the job's progress together: after a crash the job resumes at `skip`. */
export async function writePage(
  db: StoryDb,
  services: readonly Service[],
  progress: { skip: number; malformed: number; totalEstimate?: number | undefined },
): Promise<DirectoryJob> {
  return db.transaction('rw', db.services, db.meta, async () => {
    const state = await getDirectoryState(db);
    if (!state.job) throw new Error('writePage without a job');
    const job: DirectoryJob = {
      ...state.job,
      skip: progress.skip,
      fetched: state.job.fetched + services.length,
      malformed: state.job.malformed + progress.malformed,
    };
    if (progress.totalEstimate !== undefined) job.totalEstimate = progress.totalEstimate;
    await db.services.bulkPut(services.map((s) => ({ ...s, gen: job.gen })));
    await putState(db, { ...state, job });
    return job;
  });
}

/**
 * Makes the job's result the directory, in one transaction, then drops the old generation. `index`:
 * the search index built from exactly the services the job stored (a whole download has them all
 * in memory), kept as the new generation's in the same transaction, so the search opens it at
 * once instead of reading every service back and building it.
 */
export async function completeJob(
  db: StoryDb,
  now: number,
  relayEtag?: string,
  index?: ServiceIndex,
): Promise<DirectoryState> {
  const next = await db.transaction('rw', db.services, db.meta, db.directoryIndex, async () => {
    const state = await getDirectoryState(db);
    const job = state.job;
    if (!job) return state;
    if (index !== undefined && job.kind === 'full') await putIndexRow(db, job.gen, index);
    const count = await db.services.where('gen').equals(job.gen).count();
    const done: DirectoryState = {
      activeGen: job.gen,
      count,
      malformed: job.kind === 'full' ? job.malformed : state.malformed + job.malformed,
      lastRefreshAt: job.startedAt,
    };
    const lastFullAt = job.kind === 'full' ? now : state.lastFullAt;
    if (lastFullAt !== undefined) done.lastFullAt = lastFullAt;
    if (relayEtag !== undefined && job.kind === 'full') done.relayEtag = relayEtag;
    await putState(db, done);
    return done;
  });
  await db.services.where('gen').below(next.activeGen).delete();
  return next;
}

/** The relay answered 304 Not Modified: the directory on the device is its current one, as of `now`. */
export async function confirmCurrent(db: StoryDb, now: number): Promise<DirectoryState> {
  return db.transaction('rw', db.meta, async () => {
    const state = await getDirectoryState(db);
    const next: DirectoryState = { ...state, lastRefreshAt: now, lastFullAt: now };
    await putState(db, next);
    return next;
  });
}

/** Every service of the active directory (what the picker searches). */
export async function listServices(db: StoryDb): Promise<Service[]> {
  const { activeGen } = await getDirectoryState(db);
  if (activeGen === 0) return [];
  const rows = await db.services.where('gen').equals(activeGen).toArray();
  const out: Service[] = [];
  for (const { gen: _gen, ...row } of rows) {
    const parsed = ServiceSchema.safeParse(row);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export async function getService(db: StoryDb, nacs: string): Promise<Service | null> {
  const { activeGen } = await getDirectoryState(db);
  const row = await db.services.get([activeGen, nacs]);
  if (!row) return null;
  const { gen: _gen, ...rest } = row;
  const parsed = ServiceSchema.safeParse(rest);
  return parsed.success ? parsed.data : null;
}

const CHOSEN_KEY = 'chosenServices';
/** Enough to remember every service a device's staff use; the least chosen are dropped beyond. */
const CHOSEN_KEPT = 200;
const ChosenSchema = z.record(z.string(), z.number());

/**
 * How often each service (by code) was chosen in the picker on this device: codes and counts only,
 * nothing about any story. Search puts these services first.
 */
export async function getChosenServices(db: StoryDb): Promise<Record<string, number>> {
  const parsed = ChosenSchema.safeParse((await db.meta.get(CHOSEN_KEY))?.value ?? {});
  return parsed.success ? parsed.data : {};
}

export async function noteServiceChosen(db: StoryDb, nacs: string): Promise<Record<string, number>> {
  return db.transaction('rw', db.meta, async () => {
    const counts = await getChosenServices(db);
    const others = Object.entries(counts)
      .filter(([code]) => code !== nacs)
      .sort((a, b) => b[1] - a[1])
      .slice(0, CHOSEN_KEPT - 1);
    const kept = Object.fromEntries([[nacs, (counts[nacs] ?? 0) + 1], ...others]);
    await db.meta.put({ key: CHOSEN_KEY, value: kept });
    return kept;
  });
}
