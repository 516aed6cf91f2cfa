// The directory worker's searcher, without a worker: it opens the stored index when there is one,
// builds and stores it when there is none (or it is stale or damaged), and prefers chosen services.
import { describe, expect, it } from 'vitest';
import { createDirectorySearcher } from '../../../src/app/directory/worker/directorySearcher.ts';
import { normalise } from '../../../src/domain/directory/normalise.ts';
import type { Service } from '../../../src/domain/directory/service.ts';
import { createDb, type StoryDb } from '../../../src/store/db.ts';
import * as directory from '../../../src/store/directory/directory.ts';
import { getStoredIndex } from '../../../src/store/directory/directoryIndex.ts';

let n = 0;
const TRUST = 'Larkfield NHS Trust';
const service = (nacs: string, name: string, siteNacs?: string): Service => ({
  nacs,
  name,
  type: 'ward',
  organisation: TRUST,
  ...(siteNacs ? { siteNacs } : {}),
  key: normalise(name),
});
const TREE = [
  service('SA', "St Anne's Hospital", 'SA'),
  service('SB', 'Kingsmere Hospital', 'SB'),
  service('WA', 'Thérèse Ward', 'SA'),
  service('WB', 'Thérèse Ward', 'SB'),
];

async function withDirectory(services: readonly Service[], db: StoryDb = createDb(`searcher-${++n}`)) {
  await directory.startJob(db, 'full', 0);
  await directory.writePage(db, services, { skip: services.length, malformed: 0 });
  await directory.completeJob(db, 0);
  return db;
}

const places = (results: { service: Service; place: string }[]) =>
  results.map((r) => `${r.service.nacs}: ${r.place}`);

describe('directory searcher', () => {
  it('finds nothing, and says 0, before any directory is stored', async () => {
    const searcher = createDirectorySearcher(createDb(`searcher-${++n}`));
    expect(await searcher.load()).toBe(0);
    expect(await searcher.search('therese')).toEqual([]);
  });

  it('builds the index once, stores it, and a later start searches from the stored index alone', async () => {
    const db = await withDirectory(TREE);
    expect(await createDirectorySearcher(db).load()).toBe(4);
    const { activeGen } = await directory.getDirectoryState(db);
    expect((await getStoredIndex(db, activeGen))?.services.count).toBe(4);

    await db.services.clear(); // proof that the next start reads no service row
    const again = createDirectorySearcher(db);
    expect(await again.load()).toBe(4);
    expect(places(await again.search('therese st annes'))).toEqual([`WA: St Anne's Hospital, ${TRUST}`]);
  });

  it('rebuilds after a refresh makes a new generation, and when the stored index is damaged', async () => {
    const db = await withDirectory(TREE);
    const searcher = createDirectorySearcher(db);
    await searcher.load();
    await withDirectory([...TREE, service('WC', 'Thérèse Ward', 'SA')], db);
    expect(await searcher.load()).toBe(5);
    const { activeGen } = await directory.getDirectoryState(db);
    expect(await db.directoryIndex.toCollection().primaryKeys()).toEqual([activeGen]);

    await db.directoryIndex.update(activeGen, { index: { services: 'not an index' } });
    expect(await createDirectorySearcher(db).load()).toBe(5);
    expect(await getStoredIndex(db, activeGen)).not.toBeNull();
  });

  it('answers a search asked while loading once loaded', async () => {
    const searcher = createDirectorySearcher(await withDirectory(TREE));
    const loading = searcher.load();
    const found = searcher.search('kingsmere ward');
    expect(places(await found)).toEqual([`WB: Kingsmere Hospital, ${TRUST}`]);
    await loading;
  });

  it('puts a service chosen here first, and remembers it at the next start', async () => {
    const db = await withDirectory(TREE);
    const searcher = createDirectorySearcher(db);
    await searcher.load();
    expect((await searcher.search('therese')).map((r) => r.service.nacs)).toEqual(['WA', 'WB']);
    await searcher.chosen('WB');
    expect((await searcher.search('therese')).map((r) => r.service.nacs)).toEqual(['WB', 'WA']);
    const next = createDirectorySearcher(db);
    await next.load();
    expect((await next.search('therese')).map((r) => r.service.nacs)).toEqual(['WB', 'WA']);
  });
});
