// The sandbox's health service directory: a seeded, deterministic tree of invented UK services
// (organisation → site → ward or team), ordered by code, with a few malformed items on purpose.
import { createContext, type HealthService } from './directoryContext.ts';
import { buildOrganisation, ORGANISATION_WEIGHTS } from './organisations.ts';
import { createRandom, pickWeighted } from './prng.ts';
import { addShowcase } from './showcase.ts';

export type { HealthService, ServiceLink } from './directoryContext.ts';
export { LONG_SERVICE_NAME } from './showcase.ts';

export type DirectoryOptions = {
  /** How many services (default 3,000). */
  services?: number;
  seed?: number;
  /** Share of leaf items missing `type` or with `name: null` (default 0.002). */
  malformedShare?: number;
};

export const DEFAULT_SERVICES = 3000;
export const DEFAULT_SEED = 1;
export const DEFAULT_MALFORMED_SHARE = 0.002;

/** How many services the fixed showcase adds; a malformed item is never one of these. */
const SHOWCASE_SIZE = 13;

function spoilSome(services: HealthService[], parents: Set<string>, seed: number, share: number): void {
  const random = createRandom(seed ^ 0x5bd1e995);
  for (const service of services.slice(SHOWCASE_SIZE)) {
    if (parents.has(service.nacs) || random() >= share) continue;
    if (random() < 0.5) service.type = undefined;
    else service.name = null;
  }
}

function byCode(a: HealthService, b: HealthService): number {
  if (a.nacs === b.nacs) return 0;
  return a.nacs < b.nacs ? -1 : 1;
}

export function generateDirectory(options: DirectoryOptions = {}): HealthService[] {
  const size = Math.max(0, Math.floor(options.services ?? DEFAULT_SERVICES));
  const seed = options.seed ?? DEFAULT_SEED;
  const ctx = createContext(createRandom(seed));
  addShowcase(ctx);
  while (ctx.services.length < size) {
    buildOrganisation(ctx, pickWeighted(ctx.random, ORGANISATION_WEIGHTS));
  }
  // Parents come before their children, so cutting the tail never orphans a service.
  const services = ctx.services.slice(0, size);
  spoilSome(services, ctx.parents, seed, options.malformedShare ?? DEFAULT_MALFORMED_SHARE);
  return services.sort(byCode);
}
