// The packed search index (issue 25 item 5): what a relay encodes, a device decodes to the very
// index `buildIndex` gives (so every search answers the same), with the refused items' count; and
// bytes that are not a whole index of this format are refused, never half read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeIndex, encodeIndex } from '../../../src/domain/directory/packedIndex.ts';
import { buildIndex, searchServices } from '../../../src/domain/directory/search.ts';
import { storedOrder } from '../../../src/domain/directory/service.ts';
import { INDEX_FORMAT } from '../../../src/domain/directory/storedIndex.ts';

const WORDS = ['St', 'Mary’s', 'Thérèse', 'Ward', 'Children’s', 'A&E', 'Ysbyty', 'Gwynedd', '3', '😀'];
const words = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const anyText = fc.string({ unit: 'binary', minLength: 1, maxLength: 10 });
const code = fc.constantFrom('RX1', 'RX1RA', 'RX1RA01', 'G82001', 'Z', '10');
const item = fc.oneof(
  fc.record(
    {
      nacs: code,
      name: fc.oneof(words, anyText),
      type: fc.constantFrom('Hospital', 'ward', 'GP'),
      organisation: fc.oneof(words, fc.record({ name: anyText })),
      siteNacs: code,
      postcode: fc.constantFrom('LL57 2PW', ' '),
      address: fc.oneof(anyText, fc.array(anyText, { maxLength: 3 })),
    },
    { requiredKeys: ['nacs', 'name', 'type'] },
  ),
  fc.record({ nacs: code }), // not a service
);

const encoded = (items: unknown[]) => {
  const { services, malformed } = storedOrder(items);
  const index = buildIndex(services);
  const bytes = encodeIndex(index, malformed);
  return {
    index,
    malformed,
    buffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
};

describe('the packed index', () => {
  it('decodes to the index it was made from, so every search answers the same', () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 30 }),
        fc.constantFrom('st m', 'therese', 'ward', 'ysb', 'gp'),
        (items, query) => {
          const { index, malformed, buffer } = encoded(items);
          const decoded = decodeIndex(buffer);
          expect(decoded?.malformed).toBe(malformed);
          expect(decoded?.index).toEqual(index);
          if (!decoded) return;
          expect(searchServices(decoded.index, query)).toEqual(searchServices(index, query));
          // Its arrays are its own, not views of the answer (kept whole in IndexedDB otherwise).
          expect(decoded.index.postings.buffer).not.toBe(buffer);
          expect(structuredClone(decoded.index)).toEqual(index);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses bytes cut short, lengthened, of another format or not an index at all', () => {
    const items = [
      { nacs: 'RX1RA', name: "St Mary's Hospital", type: 'Hospital', organisation: 'Larkfield NHS Trust' },
      { nacs: 'RX1RA01', name: 'Thérèse Ward', type: 'ward', siteNacs: 'RX1RA' },
    ];
    const { buffer } = encoded(items);
    expect(decodeIndex(buffer)).not.toBeNull();
    for (const cut of [0, 8, 40, buffer.byteLength - 1]) expect(decodeIndex(buffer.slice(0, cut))).toBeNull();
    const longer = new Uint8Array(buffer.byteLength + 4);
    longer.set(new Uint8Array(buffer));
    expect(decodeIndex(longer.buffer as ArrayBuffer)).toBeNull();
    const otherFormat = buffer.slice(0);
    new Int32Array(otherFormat, 0, 4)[1] = INDEX_FORMAT + 1;
    expect(decodeIndex(otherFormat)).toBeNull();
    const json = new TextEncoder().encode(JSON.stringify({ count: 2, healthservices: items }));
    expect(decodeIndex(json.buffer as ArrayBuffer)).toBeNull();
    // A size that no longer matches its array: the checks on read-back refuse it.
    const badSize = buffer.slice(0);
    const header = new Int32Array(badSize, 0, 4);
    header[2] = (header[2] ?? 0) + 1;
    expect(decodeIndex(badSize)).toBeNull();
  });
});
