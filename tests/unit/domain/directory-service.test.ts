// Reading one `GET /healthservices` item: both link shapes, organisation shapes, unknown fields,
// and malformed items refused (so the refresh can skip and count them).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHealthservice, ServiceSchema } from '../../../src/domain/directory/service.ts';

const base = { nacs: 'RX1RA', name: "Children's Ward, St Mary's Hospital", type: 'ward' };

describe('parseHealthservice', () => {
  it('keeps the code, name and type, and adds the normalised search key', () => {
    expect(parseHealthservice(base)).toEqual({
      ok: true,
      service: { ...base, key: 'childrens ward st marys hospital' },
    });
  });

  it('reads the parent from {rel, id, href} links', () => {
    const item = {
      ...base,
      links: [
        { rel: 'self', id: 'RX1RA', href: '/api/v2/healthservices/RX1RA' },
        { rel: 'parent', id: 'RX1', href: '/api/v2/healthservices/RX1' },
      ],
    };
    const parsed = parseHealthservice(item);
    expect(parsed.ok && parsed.service.parentNacs).toBe('RX1');
  });

  it('reads the parent from {relation, id, link} links', () => {
    const item = {
      ...base,
      links: [{ relation: 'Parent', id: 'RX1', link: 'https://x.example/healthservices/RX1' }],
    };
    const parsed = parseHealthservice(item);
    expect(parsed.ok && parsed.service.parentNacs).toBe('RX1');
  });

  it('falls back to the last part of the link when a parent link has no id', () => {
    const item = {
      ...base,
      links: [{ rel: 'parent', href: 'https://x.example/api/v2/healthservices/RX1?x=1#top' }],
    };
    const parsed = parseHealthservice(item);
    expect(parsed.ok && parsed.service.parentNacs).toBe('RX1');
  });

  it('skips odd links rather than the service', () => {
    const item = { ...base, links: [null, 7, { rel: 'parent' }, { rel: 'child', id: 'C1' }, 'parent'] };
    const parsed = parseHealthservice(item);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.service.parentNacs).toBeUndefined();
  });

  it.each([
    ['a string', 'City Hospitals NHS Trust'],
    ['{name}', { name: 'City Hospitals NHS Trust' }],
    ['{nacs, name}', { nacs: 'RX1', name: 'City Hospitals NHS Trust', extra: true }],
  ])('reads organisation given as %s', (_, organisation) => {
    const parsed = parseHealthservice({ ...base, organisation });
    expect(parsed.ok && parsed.service.organisation).toBe('City Hospitals NHS Trust');
  });

  it('keeps site code, postcode and address, and accepts unknown fields', () => {
    const item = {
      ...base,
      siteNacs: 'RX1RA00',
      address: { line1: '1 High Street', town: 'Nottingham', postcode: 'NG5 1PB' },
      addedOn: '2026-01-01',
      somethingNew: { nested: [1, 2] },
    };
    const parsed = parseHealthservice(item);
    expect(parsed.ok && parsed.service).toMatchObject({
      siteNacs: 'RX1RA00',
      postcode: 'NG5 1PB',
      address: '1 High Street, Nottingham, NG5 1PB',
    });
  });

  it('treats null and blank optional fields as absent', () => {
    const parsed = parseHealthservice({
      ...base,
      organisation: null,
      siteNacs: ' ',
      postcode: null,
      links: null,
    });
    expect(parsed).toEqual({ ok: true, service: { ...base, key: 'childrens ward st marys hospital' } });
  });

  it.each([
    ['no nacs', { name: 'X', type: 'hospital' }],
    ['no name', { nacs: 'X', type: 'hospital' }],
    ['no type', { nacs: 'X', name: 'X' }],
    ['a blank name', { nacs: 'X', name: '  ', type: 'hospital' }],
    ['a name that is an object', { nacs: 'X', name: { en: 'X' }, type: 'hospital' }],
    ['null', null],
    ['an array', [base]],
    ['a string', 'RX1RA'],
  ])('refuses an item with %s', (_, item) => {
    expect(parseHealthservice(item)).toEqual({ ok: false });
  });

  it('never throws, and what it accepts is a valid stored service', () => {
    fc.assert(
      fc.property(fc.anything(), (item) => {
        const parsed = parseHealthservice(item);
        if (parsed.ok) expect(ServiceSchema.safeParse(parsed.service).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.record({ nacs: fc.anything(), name: fc.anything(), type: fc.anything(), links: fc.anything() }),
        fc.object(),
        (item, extra) => {
          const parsed = parseHealthservice({ ...extra, ...item });
          if (parsed.ok) expect(ServiceSchema.safeParse(parsed.service).success).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
