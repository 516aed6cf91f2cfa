// GET /api/v2/healthservices (filters name, type, addedAfter; paging skip, take ≤ 100) and
// GET /api/v2/healthservices/{nacs}. X-Total-Count tells how many match, for progress only.
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { HealthService } from './directory.ts';
import { sendError, sendJson } from './http.ts';
import type { SandboxState } from './state.ts';

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

type Query = z.infer<typeof QuerySchema>;

function matches(service: HealthService, query: Query, after: number | undefined): boolean {
  if (query.name && !(service.name ?? '').toLowerCase().includes(query.name.toLowerCase())) return false;
  if (query.type && (service.type ?? '').toLowerCase() !== query.type.toLowerCase()) return false;
  if (after !== undefined && !(Date.parse(service.addedAt) > after)) return false;
  return true;
}

export function listServices(state: SandboxState, params: URLSearchParams, res: ServerResponse): void {
  const raw = Object.fromEntries([...params].filter(([key]) => key in QuerySchema.shape));
  const parsed = QuerySchema.safeParse(raw);
  if (!parsed.success) {
    sendError(res, 400, parsed.error.issues.map((issue) => issue.message).join('; '));
    return;
  }
  const query = parsed.data;
  const after = query.addedAfter === undefined ? undefined : Date.parse(query.addedAfter);
  const found = state.directory.filter((service) => matches(service, query, after));
  const page = found.slice(query.skip, query.skip + query.take);
  sendJson(res, 200, page, { 'X-Total-Count': String(found.length) });
}

export function getService(state: SandboxState, nacs: string, res: ServerResponse): void {
  const service = state.byNacs.get(nacs);
  if (service) sendJson(res, 200, service);
  else sendError(res, 404, 'No health service with that code');
}
