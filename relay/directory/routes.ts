// The directory for devices: GET /api/v2/healthservices (and /{nacs}) with upstream's shape and
// paging, served from the relay's copy with no rate limit; GET /api/v2/directory, the whole
// directory in one gzip answer with an ETag (If-None-Match → 304): Care Opinion's items as JSON, or
// the search index packed (`src/domain/directory/packedIndex.ts`) for a device that asks for it.
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import type { Context } from 'hono';
import { z } from 'zod';
import { encodeIndex, packedIndexType } from '../../src/domain/directory/packedIndex.ts';
import { storedOrder } from '../../src/domain/directory/service.ts';
import { buildIndex } from '../../src/domain/directory/serviceIndex.ts';
import { INDEX_FORMAT } from '../../src/domain/directory/storedIndex.ts';
import type { RelayEnv } from '../http.ts';
import type { DirectoryStore } from './store.ts';

export const MAX_TAKE = 100;
const DEFAULT_TAKE = 20;
const Count = z.coerce.number().int();
const QuerySchema = z.object({
  skip: Count.min(0, 'skip must be 0 or more').default(0),
  take: Count.min(1, 'take must be at least 1')
    .max(MAX_TAKE, `take is at most ${MAX_TAKE}`)
    .default(DEFAULT_TAKE),
  name: z.string().optional(),
  type: z.string().optional(),
  addedAfter: z
    .string()
    .refine((value) => !Number.isNaN(Date.parse(value)), 'addedAfter must be an ISO date')
    .optional(),
});

const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };
const gzipAsync = promisify(gzip);

export function listServices(store: DirectoryStore) {
  return async (c: Context<RelayEnv>): Promise<Response> => {
    const parsed = QuerySchema.safeParse(c.req.query());
    if (!parsed.success)
      return c.json({ error: parsed.error.issues.map((issue) => issue.message).join('; ') }, 400);
    const { addedAfter, ...query } = parsed.data;
    const page = await store.page({
      ...query,
      addedAfter: addedAfter === undefined ? undefined : Date.parse(addedAfter),
    });
    return c.body(`[${page.items.join(',')}]`, 200, { ...JSON_TYPE, 'X-Total-Count': String(page.total) });
  };
}

export function getService(store: DirectoryStore) {
  return async (c: Context<RelayEnv>): Promise<Response> => {
    const item = await store.get(c.req.param('nacs') ?? '');
    return item ? c.body(item, 200, JSON_TYPE) : c.json({ error: 'No health service with that code' }, 404);
  };
}

type Download = { etag: string; type: string; gzip: Buffer };
export type Representation = 'json' | 'index';

/** The packed index when the device asks for it in this release's format; JSON otherwise. */
function representationFor(accept: string | undefined): Representation {
  const wanted = (accept ?? '').toLowerCase().replace(/\s+/g, '').split(',');
  return wanted.some((entry) => entry.startsWith(packedIndexType())) ? 'index' : 'json';
}

/** The body of one representation of the directory: Care Opinion's items as sent, or the search index. */
function bodyOf(
  representation: Representation,
  items: string[],
  updatedAt: string | null,
): Uint8Array | string {
  if (representation === 'json')
    return `{"count":${items.length},"updatedAt":${JSON.stringify(updatedAt)},"healthservices":[${items.join(',')}]}`;
  const { services, malformed } = storedOrder(items.map((item) => JSON.parse(item) as unknown));
  return encodeIndex(buildIndex(services), malformed);
}

/**
 * Each instance builds each representation once per directory version and keeps it in memory (the
 * index: about a second of work at 50,000 services, which every new iPad would otherwise do itself).
 * iPads asking while it is built wait for that one build; an unchanged version is a 304 without one.
 */
export function downloadDirectory(
  store: DirectoryStore,
  counted: (representation: Representation, status: 200 | 304) => void = () => {},
) {
  const cached = new Map<Representation, { etag: string; download: Promise<Download> }>();
  function built(representation: Representation, etag: string, updatedAt: string | null): Promise<Download> {
    const known = cached.get(representation);
    if (known?.etag === etag) return known.download;
    const download = store.all().then(async (items) => ({
      etag,
      type: representation === 'json' ? JSON_TYPE['Content-Type'] : packedIndexType(),
      gzip: await gzipAsync(bodyOf(representation, items, updatedAt), { level: 9 }),
    }));
    cached.set(representation, { etag, download });
    // A failed build is not kept: the next request tries again.
    download.catch(() => {
      if (cached.get(representation)?.download === download) cached.delete(representation);
    });
    return download;
  }
  return async (c: Context<RelayEnv>): Promise<Response> => {
    const representation = representationFor(c.req.header('accept'));
    const state = await store.state();
    const etag = representation === 'json' ? `"${state.version}"` : `"${state.version}-index${INDEX_FORMAT}"`;
    const headers = { ETag: etag, 'Cache-Control': 'no-cache', Vary: 'Accept, Accept-Encoding' };
    const unchanged = c.req.header('if-none-match') === etag;
    counted(representation, unchanged ? 304 : 200);
    if (unchanged) return c.body(null, 304, headers);
    const download = await built(representation, etag, state.updatedAt);
    if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      return c.body(new Uint8Array(gunzipSync(download.gzip)), 200, {
        ...headers,
        'Content-Type': download.type,
      });
    }
    return c.body(new Uint8Array(download.gzip), 200, {
      ...headers,
      'Content-Type': download.type,
      'Content-Encoding': 'gzip',
    });
  };
}
