// The directory's search index kept beside the directory, so a start reads one row instead of
// rebuilding the index from every service. Only ever the active generation's (one row).
import type { ServiceIndex } from '../../domain/directory/serviceIndex.ts';
import { asServiceIndex, INDEX_FORMAT } from '../../domain/directory/storedIndex.ts';
import type { StoryDb } from '../db.ts';

/** The index built from generation `gen` of the directory, or null (none, older, or damaged). */
export async function getStoredIndex(db: StoryDb, gen: number): Promise<ServiceIndex | null> {
  const row = await db.directoryIndex.get(gen);
  return row?.format === INDEX_FORMAT ? asServiceIndex(row.index) : null;
}

/** Keeps `index` as generation `gen`'s, replacing any other. */
export async function putStoredIndex(db: StoryDb, gen: number, index: ServiceIndex): Promise<void> {
  await db.transaction('rw', db.directoryIndex, () => putIndexRow(db, gen, index));
}

/** Inside a transaction over `directoryIndex`: the same. */
export async function putIndexRow(db: StoryDb, gen: number, index: ServiceIndex): Promise<void> {
  await db.directoryIndex.clear();
  await db.directoryIndex.put({ gen, format: INDEX_FORMAT, index });
}
