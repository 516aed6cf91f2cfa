// A Care Opinion service as the device keeps it, and the reading of one `GET /healthservices`
// item from the wire (a "healthservice" at the edge, a "service" inside).
import * as z from 'zod/mini';
import { normalise } from './normalise.ts';

const code = () => z.string().check(z.minLength(1));

export const ServiceSchema = z.object({
  nacs: code(),
  name: code(),
  type: z.string(),
  organisation: z.optional(z.string()),
  parentNacs: z.optional(code()),
  siteNacs: z.optional(code()),
  postcode: z.optional(z.string()),
  address: z.optional(z.string()),
  /** `normalise(name)`: what search matches against. */
  key: z.string(),
});
export type Service = z.infer<typeof ServiceSchema>;

export type ParsedHealthservice = { ok: true; service: Service } | { ok: false };

// Only the three fields every service has are required; everything else is read leniently,
// so an odd `organisation` or link drops that detail rather than the whole service. Read with plain
// checks, not schemas: 50,000 items arrive in one answer from a relay, and a schema's parse copies
// each item (three times with its links): 0.9 of 1.0 s of reading them was that copying here.
type WireObject = Readonly<Record<string, unknown>>;
const isObject = (value: unknown): value is WireObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A trimmed non-empty string from a string or number, else undefined. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string' && (typeof value !== 'number' || !Number.isFinite(value))) return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
}

function organisationOf(value: unknown): string | undefined {
  return isObject(value) ? text(value.name) : text(value);
}

/** The parent's code from `links`, in either shape: `{rel, id, href}` or `{relation, id, link}`. */
function parentOf(links: unknown): string | undefined {
  if (!Array.isArray(links)) return undefined;
  for (const link of links) {
    if (!isObject(link)) continue;
    const relation = text(link.rel) ?? text(link.relation);
    if (relation?.toLowerCase() !== 'parent') continue;
    const id = text(link.id) ?? lastSegment(text(link.href) ?? text(link.link));
    if (id !== undefined) return id;
  }
  return undefined;
}

function lastSegment(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const path = url.split(/[?#]/)[0] ?? '';
  // Not URI-decoded: codes are plain letters and digits, and decoding can throw on bad input.
  return text(path.split('/').filter(Boolean).pop());
}

/** An address given as text, as lines, or as an object of parts, as one line of text. */
function addressOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return text(value.map(text).filter(Boolean).join(', '));
  if (typeof value === 'object' && value !== null) {
    return text(Object.values(value).map(text).filter(Boolean).join(', '));
  }
  return text(value);
}

function postcodeOf(item: WireObject): string | undefined {
  return text(item.postcode) ?? (isObject(item.address) ? text(item.address.postcode) : undefined);
}

function definedOnly<T extends object>(values: T): Partial<T> {
  const out: Partial<T> = {};
  for (const field of Object.keys(values) as (keyof T)[]) {
    if (values[field] !== undefined) out[field] = values[field];
  }
  return out;
}

/** One wire item → a stored service; `{ ok: false }` when nacs, name or type is missing. */
export function parseHealthservice(item: unknown): ParsedHealthservice {
  if (!isObject(item)) return { ok: false };
  const wire = item;
  const nacs = text(wire.nacs);
  const name = text(wire.name);
  const type = text(wire.type);
  if (nacs === undefined || name === undefined || type === undefined) return { ok: false };
  const details = definedOnly({
    organisation: organisationOf(wire.organisation),
    parentNacs: text(wire.parentNacs) ?? parentOf(wire.links),
    siteNacs: text(wire.siteNacs),
    postcode: postcodeOf(wire),
    address: addressOf(wire.address),
  });
  return { ok: true, service: { nacs, name, type, ...details, key: normalise(name) } };
}

/**
 * Each item read as a service (an item that is not one is counted, never stored), then as the
 * store keeps them: one per code, the last given winning (as writing them in turn would), in code
 * order (IndexedDB's order of the [gen, nacs] key, which compares strings as `<` does).
 */
export function storedOrder(items: readonly unknown[]): { services: Service[]; malformed: number } {
  const byCode = new Map<string, Service>();
  let malformed = 0;
  for (const item of items) {
    const parsed = parseHealthservice(item);
    if (parsed.ok) byCode.set(parsed.service.nacs, parsed.service);
    else malformed++;
  }
  const services = [...byCode.values()].sort((a, b) => (a.nacs < b.nacs ? -1 : a.nacs > b.nacs ? 1 : 0));
  return { services, malformed };
}
