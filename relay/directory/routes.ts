// The directory for devices: GET /api/v2/healthservices (and /{nacs}) with upstream's shape and
// paging, served from the relay's copy with no rate limit; GET /api/v2/directory, the whole
// directory in one gzip answer with an ETag (If-None-Match → 304).
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { z } from 'zod';
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

type Download = { etag: string; gzip: Buffer };

/** Each instance builds the download once per directory version and keeps it in memory. */
export function downloadDirectory(store: DirectoryStore) {
  let cached: Download | undefined;
  async function current(): Promise<Download> {
    const state = await store.state();
    const etag = `"${state.version}"`;
    if (cached?.etag === etag) return cached;
    const items = await store.all();
    const json = `{"count":${items.length},"updatedAt":${JSON.stringify(state.updatedAt)},"healthservices":[${items.join(',')}]}`;
    cached = { etag, gzip: gzipSync(json, { level: 9 }) };
    return cached;
  }
  return async (c: Context<RelayEnv>): Promise<Response> => {
    const download = await current();
    const headers = { ETag: download.etag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    if (c.req.header('if-none-match') === download.etag) return c.body(null, 304, headers);
    if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      return c.body(new Uint8Array(gunzipSync(download.gzip)), 200, { ...headers, ...JSON_TYPE });
    }
    return c.body(new Uint8Array(download.gzip), 200, {
      ...headers,
      ...JSON_TYPE,
      'Content-Encoding': 'gzip',
    });
  };
}
