// The directory's small stores beside the services: how often each service was chosen here.
import { describe, expect, it } from 'vitest';
import { createDb } from '../../../src/store/db.ts';
import { getChosenServices, noteServiceChosen } from '../../../src/store/directory/directory.ts';

let n = 0;

describe('chosen services', () => {
  it('counts each choice by code, and keeps the count across openings', async () => {
    const name = `directory-store-${++n}`;
    const db = createDb(name);
    expect(await getChosenServices(db)).toEqual({});
    await noteServiceChosen(db, 'RX1RA01');
    await noteServiceChosen(db, 'C84001');
    expect(await noteServiceChosen(db, 'RX1RA01')).toEqual({ RX1RA01: 2, C84001: 1 });
    db.close();
    expect(await getChosenServices(createDb(name))).toEqual({ RX1RA01: 2, C84001: 1 });
  });

  it('keeps the 200 most chosen, always including the one just chosen', async () => {
    const db = createDb(`directory-store-${++n}`);
    const many = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`S${i}`, 1 + (i % 5)]));
    await db.meta.put({ key: 'chosenServices', value: many });
    const kept = await noteServiceChosen(db, 'NEW');
    expect(Object.keys(kept)).toHaveLength(200);
    expect(kept.NEW).toBe(1);
    // 50 codes each chosen 5, 4, 3, 2 and 1 times: the 199 kept beside NEW are 5s, 4s, 3s and 49 2s.
    const counts = Object.entries(kept)
      .filter(([code]) => code !== 'NEW')
      .map(([, count]) => count);
    expect(counts.filter((c) => c === 2)).toHaveLength(49);
    expect(Math.min(...counts)).toBe(2);
  });

  it('reads a damaged record as no choices rather than failing', async () => {
    const db = createDb(`directory-store-${++n}`);
    await db.meta.put({ key: 'chosenServices', value: 'not a record' });
    expect(await getChosenServices(db)).toEqual({});
  });
});
