// GET /healthservices over HTTP: paging to an empty page, the name/type/addedAfter filters,
// X-Total-Count, the take limit, and single services by code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthService } from '../../sandbox/directory.ts';
import type { SandboxServer } from '../../sandbox/server.ts';
import { getApi, startTestSandbox } from './helpers.ts';

let server: SandboxServer;

beforeAll(async () => {
  server = await startTestSandbox({ services: 1000 });
});

afterAll(async () => {
  await server.close();
});

async function page(query: string): Promise<{ items: HealthService[]; total: number; status: number }> {
  const res = await getApi(server, `/healthservices${query}`);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const items = (await res.json()) as HealthService[];
  return { items, total: Number(res.headers.get('x-total-count')), status: res.status };
}

async function downloadAll(query: string): Promise<HealthService[]> {
  const all: HealthService[] = [];
  for (let skip = 0; ; skip += 100) {
    const { items } = await page(`?take=100&skip=${skip}${query}`);
    if (items.length === 0) return all;
    all.push(...items);
  }
}

describe('GET /healthservices', () => {
  it('pages with skip and take (20 by default) until an empty page, ordered by code', async () => {
    const first = await page('');
    expect(first.status).toBe(200);
    expect(first.items).toHaveLength(20);
    expect(first.total).toBe(1000);
    const all = await downloadAll('');
    expect(all).toHaveLength(1000);
    expect(all.slice(0, 20)).toEqual(first.items);
    const codes = all.map((s) => s.nacs);
    expect(new Set(codes).size).toBe(1000);
    expect(codes).toEqual([...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const end = await page('?skip=1000&take=100');
    expect(end.items).toEqual([]);
  });

  it('refuses take above 100 and nonsense paging with a 400 JSON error', async () => {
    for (const query of ['?take=101', '?take=0', '?skip=-1', '?take=lots', '?addedAfter=yesterday']) {
      const res = await getApi(server, `/healthservices${query}`);
      expect(res.status, query).toBe(400);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
    expect((await page('?take=100')).items).toHaveLength(100);
  });

  it('filters by name, a case-insensitive partial match', async () => {
    const found = await downloadAll('&name=MARY%27S%20hosp');
    expect(found.map((s) => s.name)).toContain("St Mary's Hospital");
    for (const s of found) expect(s.name?.toLowerCase()).toContain("mary's hosp");
    const accented = await downloadAll('&name=th%C3%A9r%C3%A8se');
    expect(accented.map((s) => s.name)).toContain('Thérèse Ward');
  });

  it('filters by type exactly (case-insensitive), and the total counts the matches', async () => {
    const wards = await downloadAll('&type=Ward');
    expect(wards.length).toBeGreaterThan(10);
    for (const s of wards) expect(s.type).toBe('ward');
    expect((await page('?type=ward')).total).toBe(wards.length);
    expect((await page('?type=war')).items).toEqual([]);
  });

  it('returns only services added after addedAfter', async () => {
    const all = await downloadAll('');
    const cut = '2024-06-01T00:00:00Z';
    const expected = all.filter((s) => Date.parse(s.addedAt) > Date.parse(cut)).map((s) => s.nacs);
    const found = await downloadAll(`&addedAfter=${encodeURIComponent(cut)}`);
    expect(found.map((s) => s.nacs)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect((await downloadAll('&addedAfter=2024-06-01')).length).toBe(expected.length);
  });

  it('combines filters', async () => {
    const found = await downloadAll('&name=ward&type=ward');
    expect(found.length).toBeGreaterThan(0);
    for (const s of found) {
      expect(s.type).toBe('ward');
      expect(s.name?.toLowerCase()).toContain('ward');
    }
  });
});

describe('GET /healthservices/{nacs}', () => {
  it('returns one service, or a 404 JSON error', async () => {
    const res = await getApi(server, '/healthservices/RX1RA');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ nacs: 'RX1RA', name: "St Mary's Hospital", type: 'hospital' });
    const missing = await getApi(server, '/healthservices/ZZZ999');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: expect.any(String) });
    expect((await getApi(server, '/healthservices/%E0%A4%A')).status).toBe(404);
  });

  it('answers an unknown API path with 404 JSON', async () => {
    const res = await getApi(server, '/nothing-here');
    expect(res.status).toBe(404);
  });
});
