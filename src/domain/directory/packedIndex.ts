// The search index as bytes, for a relay to build once and every new iPad to open at once: the
// typed arrays (little-endian, 4-byte aligned) and every string in one UTF-8 text. Opening it costs
// a copy of a few large arrays, a running sum and one text decode, where reading the directory as
// JSON and indexing it cost 50,000 objects and seconds on an old iPad. The services, in the order
// the store keeps them, are the index's own table (`serviceAt`). Kept small on the wire: ascending
// arrays go as differences (small numbers gzip well), and what is read off another array in one
// pass (`keyLength`, `alphabeticalPlace`) is not sent: 1.5 MB gzip at 50,000 services, against
// 1.83 MB for the same services as JSON (gzip level 9 both).
import type { ServiceIndex } from './serviceIndex.ts';
import { isServiceTable, keyLengths, type ServiceTable } from './serviceTable.ts';
import { asServiceIndex, INDEX_FORMAT, NUMBER_ARRAYS, TEXT_ARRAYS } from './storedIndex.ts';

/** What a device asks for (`Accept`) and a relay answers (`Content-Type`), with `;format=N`. */
export const PACKED_INDEX_TYPE = 'application/vnd.story-collector.directory-index';
export const packedIndexType = (format = INDEX_FORMAT): string => `${PACKED_INDEX_TYPE};format=${format}`;

/** "SCDX" read as a little-endian 32-bit number: bytes in any other order are not an index. */
const MAGIC = 0x58444353;
/** magic, format, count, malformed, text bytes, text length; then the sizes below. */
const FIXED = 6;
/** Read off the others when opened. */
const DERIVED = ['keyLength', 'alphabeticalPlace'] as const;
const SENT = NUMBER_ARRAYS.filter((field) => !(DERIVED as readonly string[]).includes(field));
/** Sent as differences from the one before (ascending, or nearly): the table's field starts too. */
const AS_DIFFERENCES: ReadonlySet<string> = new Set([
  'postingStart',
  'postings',
  'wordStart',
  'nameEnd',
  'alphabetical',
  'fieldStart',
]);
const HEADER = FIXED + SENT.length + 1 + TEXT_ARRAYS.length;

export type PackedDirectory = {
  index: ServiceIndex;
  /** Items of the relay's copy that were not services (counted, never stored). */
  malformed: number;
};

/** The index (and how many items were refused) as bytes. */
export function encodeIndex(index: ServiceIndex, malformed: number): Uint8Array<ArrayBuffer> {
  const lists = TEXT_ARRAYS.map((field) => index[field]);
  let at = index.services.text.length;
  const starts = lists.map((list) => {
    const start = new Int32Array(list.length + 1);
    list.forEach((item, i) => {
      start[i] = at;
      at += item.length;
    });
    start[list.length] = at;
    return start;
  });
  const text = new TextEncoder().encode(index.services.text + lists.map((list) => list.join('')).join(''));
  const ints = [
    ...[...SENT, 'fieldStart' as const].map((field) =>
      differences(field === 'fieldStart' ? index.services.fieldStart : index[field], field),
    ),
    ...starts,
  ];
  const header = Int32Array.of(
    MAGIC,
    INDEX_FORMAT,
    index.services.count,
    malformed,
    text.length,
    at,
    ...ints.slice(0, SENT.length + 1).map((array) => array.length),
    ...lists.map((list) => list.length),
  );
  const intBytes = 4 * (header.length + ints.reduce((sum, array) => sum + array.length, 0));
  const missingBytes = align(index.services.count);
  const out = new Uint8Array(intBytes + missingBytes + text.length);
  let offset = 0;
  for (const array of [header, ...ints]) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    offset += array.byteLength;
  }
  out.set(index.services.missing, offset);
  out.set(text, offset + missingBytes);
  return out;
}

const align = (bytes: number) => Math.ceil(bytes / 4) * 4;

function differences(array: Int32Array, field: string): Int32Array {
  if (!AS_DIFFERENCES.has(field)) return array;
  return array.map((value, i) => value - (i === 0 ? 0 : (array[i - 1] ?? 0)));
}

/** Undoes `differences`, in place. */
function runningSum(array: Int32Array, field: string): Int32Array {
  if (AS_DIFFERENCES.has(field))
    for (let i = 1; i < array.length; i++) array[i] = (array[i] ?? 0) + (array[i - 1] ?? 0);
  return array;
}

/** The index in `bytes`, or null: not an index, another format, cut short or inconsistent. */
export function decodeIndex(bytes: ArrayBuffer): PackedDirectory | null {
  if (bytes.byteLength < HEADER * 4) return null;
  const header = new Int32Array(bytes, 0, HEADER);
  const [magic, format, count = 0, malformed = 0, textBytes = 0, textLength = 0] = header;
  if (magic !== MAGIC || format !== INDEX_FORMAT || header.some((size) => size < 0)) return null;
  let offset = HEADER * 4;
  const take = (length: number): Int32Array | null => {
    if (offset + length * 4 > bytes.byteLength) return null;
    const array = new Int32Array(bytes, offset, length).slice(); // its own buffer, not the answer's
    offset += length * 4;
    return array;
  };
  const sizes = [...header.subarray(FIXED, FIXED + SENT.length + 1)];
  const listSizes = [...header.subarray(FIXED + SENT.length + 1)];
  const ints = [...sizes, ...listSizes.map((n) => n + 1)].map(take);
  if (ints.some((array) => array === null) || offset + align(count) + textBytes !== bytes.byteLength)
    return null;
  const missing = new Uint8Array(bytes, offset, count).slice();
  const text = new TextDecoder().decode(new Uint8Array(bytes, offset + align(count), textBytes));
  if (text.length !== textLength) return null;
  const arrays = ints as Int32Array[];
  const [sent, lists] = [arrays.slice(0, SENT.length + 1), arrays.slice(SENT.length + 1)];
  const index: Record<string, unknown> = {};
  [...SENT, 'fieldStart'].forEach((field, i) => {
    index[field] = runningSum(sent[i] as Int32Array, field);
  });
  const services = {
    count,
    text: text.slice(0, lists[0]?.[0] ?? text.length),
    fieldStart: index.fieldStart as Int32Array,
    missing,
  };
  delete index.fieldStart;
  Object.assign(index, { services, ...derived(services, index.alphabetical as Int32Array) });
  TEXT_ARRAYS.forEach((field, i) => {
    const start = lists[i] as Int32Array;
    index[field] = Array.from({ length: start.length - 1 }, (_, n) =>
      text.slice(start[n] ?? 0, start[n + 1] ?? 0),
    );
  });
  const checked = asServiceIndex(index);
  return checked ? { index: checked, malformed } : null;
}

function derived(services: ServiceTable, alphabetical: Int32Array) {
  if (!isServiceTable(services)) return {};
  const alphabeticalPlace = new Int32Array(alphabetical.length);
  alphabetical.forEach((s, place) => {
    alphabeticalPlace[s] = place;
  });
  return { keyLength: keyLengths(services), alphabeticalPlace };
}
