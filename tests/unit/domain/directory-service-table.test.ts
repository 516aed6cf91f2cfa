// The packed service table: every service comes back exactly as packed (missing fields missing,
// empty ones empty), and a damaged stored table is recognised.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Service } from '../../../src/domain/directory/service.ts';
import {
  isServiceTable,
  keyAt,
  nameAt,
  packServices,
  serviceAt,
} from '../../../src/domain/directory/serviceTable.ts';

const text = fc.string({ unit: 'binary', maxLength: 12 });
const service: fc.Arbitrary<Service> = fc
  .record(
    {
      nacs: text,
      name: text,
      type: text,
      key: text,
      organisation: text,
      parentNacs: text,
      siteNacs: text,
      postcode: text,
      address: text,
    },
    { requiredKeys: ['nacs', 'name', 'type', 'key'] },
  )
  .map((record) => ({ ...record }));

describe('service table', () => {
  it('gives back every service exactly as packed', () => {
    fc.assert(
      fc.property(fc.array(service, { maxLength: 30 }), (services) => {
        const table = packServices(services);
        expect(table.count).toBe(services.length);
        expect(isServiceTable(structuredClone(table))).toBe(true);
        services.forEach((original, s) => {
          expect(serviceAt(table, s)).toStrictEqual(original);
          expect(nameAt(table, s)).toBe(original.name);
          expect(keyAt(table, s)).toBe(original.key);
        });
      }),
    );
  });

  it('recognises a damaged table', () => {
    const table = packServices([{ nacs: 'A', name: 'Ward', type: 'ward', key: 'ward' }]);
    expect(isServiceTable(table)).toBe(true);
    expect(isServiceTable({ ...table, text: 'War' })).toBe(false);
    expect(isServiceTable({ ...table, count: 2 })).toBe(false);
    expect(isServiceTable({ ...table, fieldStart: [...table.fieldStart] })).toBe(false);
    expect(isServiceTable(null)).toBe(false);
  });
});
