// The directory's services packed for storage and for a worker: every field of every service in
// one string, with where each field starts. Reading it back from IndexedDB costs a copy of a few
// large values instead of building 50,000 objects; a service is unpacked only when shown.
import type { Service } from './service.ts';

const FIELDS = [
  'nacs',
  'name',
  'type',
  'key',
  'organisation',
  'parentNacs',
  'siteNacs',
  'postcode',
  'address',
] as const;
type Field = (typeof FIELDS)[number];
/** The first four are always present; the others may be missing (bit i − 4 of `missing`). */
const REQUIRED = 4;
const KEY = FIELDS.indexOf('key');
const NAME = FIELDS.indexOf('name');

export type ServiceTable = {
  readonly count: number;
  readonly text: string;
  /** Field f of service s: `text.slice(fieldStart[s * FIELDS + f], fieldStart[s * FIELDS + f + 1])`. */
  readonly fieldStart: Int32Array;
  readonly missing: Uint8Array;
};

export function packServices(services: readonly Service[]): ServiceTable {
  const parts: string[] = [];
  const fieldStart = new Int32Array(services.length * FIELDS.length + 1);
  const missing = new Uint8Array(services.length);
  let at = 0;
  services.forEach((service, s) => {
    FIELDS.forEach((field, f) => {
      const value = service[field];
      if (value === undefined) missing[s] = (missing[s] ?? 0) | (1 << (f - REQUIRED));
      fieldStart[s * FIELDS.length + f] = at;
      parts.push(value ?? '');
      at += (value ?? '').length;
    });
  });
  fieldStart[services.length * FIELDS.length] = at;
  return { count: services.length, text: parts.join(''), fieldStart, missing };
}

function fieldAt(table: ServiceTable, s: number, f: number): string {
  const i = s * FIELDS.length + f;
  return table.text.slice(table.fieldStart[i] ?? 0, table.fieldStart[i + 1] ?? 0);
}

export const nacsAt = (table: ServiceTable, s: number): string => fieldAt(table, s, 0);
export const keyAt = (table: ServiceTable, s: number): string => fieldAt(table, s, KEY);

/** Each service's key length, read off the table (what the index keeps as `keyLength`). */
export function keyLengths(table: ServiceTable): Int32Array {
  return Int32Array.from({ length: table.count }, (_, s) => {
    const i = s * FIELDS.length + KEY;
    return (table.fieldStart[i + 1] ?? 0) - (table.fieldStart[i] ?? 0);
  });
}
export const nameAt = (table: ServiceTable, s: number): string => fieldAt(table, s, NAME);

/** Service s as it was packed (optional fields that were missing stay missing). */
export function serviceAt(table: ServiceTable, s: number): Service {
  const service: Partial<Record<Field, string>> = {};
  FIELDS.forEach((field, f) => {
    if (f < REQUIRED || ((table.missing[s] ?? 0) & (1 << (f - REQUIRED))) === 0)
      service[field] = fieldAt(table, s, f);
  });
  return service as Service;
}

/** A stored table read back: the right kinds and sizes, else false. */
export function isServiceTable(value: unknown): value is ServiceTable {
  if (typeof value !== 'object' || value === null) return false;
  const table = value as Record<string, unknown>;
  const count = table.count;
  return (
    typeof count === 'number' &&
    typeof table.text === 'string' &&
    table.fieldStart instanceof Int32Array &&
    table.fieldStart.length === count * FIELDS.length + 1 &&
    table.missing instanceof Uint8Array &&
    table.missing.length === count &&
    (table.fieldStart[count * FIELDS.length] ?? -1) === table.text.length
  );
}
