// An old tab steps aside for a newer tab's schema upgrade: it saves, closes and reloads, even when
// the save fails, and the failure is passed on rather than dropped.
import { describe, expect, it, vi } from 'vitest';
import { createDb, onVersionChange } from '../../../src/store/db.ts';

let n = 0;

/** Opens the same database at a higher version, as a newer tab would. */
function openNewer(name: string, version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

describe('onVersionChange', () => {
  it('closes and reloads when the save before it fails, and hands the failure on', async () => {
    const db = createDb(`version-change-${++n}`);
    await db.open();
    const failure = new TypeError('a save hook broke');
    const reload = vi.fn();
    const onError = vi.fn();
    onVersionChange(db, () => Promise.reject(failure), reload, onError);
    await openNewer(db.name, db.verno * 10 + 10);
    await vi.waitFor(() => expect(reload).toHaveBeenCalledOnce());
    expect(db.isOpen()).toBe(false);
    expect(onError).toHaveBeenCalledWith(failure);
  });
});
