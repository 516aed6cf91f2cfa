// The generated directory: deterministic, a proper tree, both link shapes, the names e2e tests
// search for, awkward names, a few malformed items, and 50,000 services on demand.
import { describe, expect, it } from 'vitest';
import { generateDirectory, type HealthService, LONG_SERVICE_NAME } from '../../sandbox/directory.ts';

const POSTCODE = /^[A-Z]{1,2}[0-9]{1,2} [0-9][A-Z]{2}$/;

function parentOf(service: HealthService): string | undefined {
  for (const link of service.links) {
    if ('rel' in link && link.rel === 'parent') return link.id;
    if ('relation' in link && link.relation === 'parent') return link.id;
  }
  return undefined;
}

describe('generateDirectory', () => {
  const services = generateDirectory();

  it('makes about 3,000 services by default, ordered by code with unique codes', () => {
    expect(services).toHaveLength(3000);
    const codes = services.map((s) => s.nacs);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(codes);
  });

  it('is deterministic: the same seed gives byte-identical JSON, another seed differs', () => {
    const a = JSON.stringify(generateDirectory({ seed: 42, services: 2000 }));
    const b = JSON.stringify(generateDirectory({ seed: 42, services: 2000 }));
    const c = JSON.stringify(generateDirectory({ seed: 43, services: 2000 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('generates 50,000 services on demand, each code once, every parent among them', () => {
    // How long it takes is a figure, not a pass mark: `npm run bench -- sandbox` prints it.
    const big = generateDirectory({ services: 50_000 });
    expect(big).toHaveLength(50_000);
    const codes = new Set(big.map((s) => s.nacs));
    expect(codes.size).toBe(50_000);
    const orphans = big.filter((s) => parentOf(s) !== undefined && !codes.has(parentOf(s) ?? ''));
    expect(orphans.map((s) => s.nacs)).toEqual([]);
  });

  it('forms a tree: every non-top service names an existing parent and its organisation', () => {
    const byCode = new Map(services.map((s) => [s.nacs, s]));
    const children = services.filter((s) => parentOf(s) !== undefined);
    expect(children.length).toBeGreaterThan(services.length / 2);
    for (const child of children) {
      const parent = byCode.get(parentOf(child) ?? '');
      expect(parent, child.nacs).toBeDefined();
      expect(child.organisation, child.nacs).toEqual(expect.any(String));
    }
  });

  it('uses both link shapes', () => {
    const links = services.flatMap((s) => s.links);
    expect(links.some((l) => 'rel' in l && 'href' in l)).toBe(true);
    expect(links.some((l) => 'relation' in l && 'link' in l)).toBe(true);
  });

  it.each([1, 2, 99])('always has the names end-to-end tests search for (seed %i)', (seed) => {
    const names = new Set(generateDirectory({ seed, services: 500 }).map((s) => s.name));
    for (const name of ["St Mary's Hospital", 'Thérèse Ward', "Children's Ward", 'Ear, Nose & Throat']) {
      expect(names).toContain(name);
    }
    for (const name of [
      "St Mary's Surgery",
      'St Marys Surgery',
      "Saint Mary's Surgery",
      'Zoë House',
      'Ty Menai',
    ]) {
      expect(names).toContain(name);
    }
    expect(names).toContain(LONG_SERVICE_NAME);
    expect(LONG_SERVICE_NAME.length).toBeGreaterThan(120);
  });

  it('covers the kinds of service, with plausible postcodes, dates and codes', () => {
    const types = new Set(services.map((s) => s.type));
    for (const type of [
      'trust',
      'hospital',
      'ward',
      'general practice',
      'mental health',
      'dentist',
      'pharmacy',
    ]) {
      expect(types).toContain(type);
    }
    for (const type of ['community service', 'care home', 'home care']) expect(types).toContain(type);
    for (const service of services) {
      expect(service.postcode).toMatch(POSTCODE);
      expect(Number.isNaN(Date.parse(service.addedAt))).toBe(false);
    }
    const codes = services.map((s) => s.nacs);
    expect(codes).toEqual(expect.arrayContaining(['RX1', 'RX1RA', 'RX1RA01', 'C84001']));
    expect(services.some((s) => s.phone !== undefined || s.openingHours !== undefined)).toBe(true);
  });

  it('spoils about 0.2% of items (no type, or a null name), and none when asked', () => {
    const big = generateDirectory({ services: 20_000 });
    const spoiled = big.filter((s) => s.name === null || s.type === undefined).length;
    expect(spoiled).toBeGreaterThan(10);
    expect(spoiled).toBeLessThan(90);
    const clean = generateDirectory({ services: 20_000, malformedShare: 0 });
    expect(clean.filter((s) => s.name === null || s.type === undefined)).toHaveLength(0);
  });

  it('stops at the size asked for without orphaning anyone', () => {
    const small = generateDirectory({ services: 37 });
    const codes = new Set(small.map((s) => s.nacs));
    expect(small).toHaveLength(37);
    for (const service of small) {
      const parent = parentOf(service);
      if (parent) expect(codes).toContain(parent);
    }
  });
});
