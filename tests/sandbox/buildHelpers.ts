// Helpers the organisation builders share: codes for sites and children, optional addresses,
// and adding a list of wards or teams under a site.
import { addService, type Context, claimCode, type HealthService, LETTERS } from './directoryContext.ts';
import { STREETS } from './names.ts';
import { chance, pick, type Random, randomInt } from './prng.ts';

export function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) {
    chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as T);
  }
  return chosen;
}

export function maybeAddress(ctx: Context, town: string): string | undefined {
  if (!chance(ctx.random, 0.4)) return undefined;
  return `${randomInt(ctx.random, 1, 240)} ${pick(ctx.random, STREETS)}, ${town}`;
}

export function siteCode(parent: string, index: number): string {
  return `${parent}${LETTERS.charAt(Math.floor(index / 26) + 17)}${LETTERS.charAt(index % 26)}`;
}

export function childCode(parent: string, index: number): string {
  return `${parent}${String(index + 1).padStart(2, '0')}`;
}

export function addTeams(
  ctx: Context,
  top: HealthService,
  site: HealthService,
  names: string[],
  type: string,
): void {
  const outward = site.postcode.split(' ')[0] ?? '';
  names.forEach((name, i) => {
    const nacs = claimCode(ctx, childCode(site.nacs, i));
    addService(ctx, { nacs, name, type, parent: site, top, site: site.nacs, outward });
  });
}
