// Builders for each kind of organisation in the invented directory, each adding a top-level
// service and its sites and wards or teams (parents always before children).
import {
  addService,
  allocateCode,
  type Context,
  claimCode,
  DIGITS,
  type HealthService,
  LETTERS,
  randomOutward,
} from './directoryContext.ts';
import * as N from './names.ts';
import { chance, pick, type Random, randomInt } from './prng.ts';

export type OrganisationKind =
  | 'gp'
  | 'pharmacy'
  | 'dentist'
  | 'care'
  | 'acute'
  | 'mentalHealth'
  | 'community';

export const ORGANISATION_WEIGHTS: Record<OrganisationKind, number> = {
  gp: 30,
  pharmacy: 18,
  dentist: 14,
  care: 14,
  acute: 3,
  mentalHealth: 2,
  community: 2,
};

function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) {
    chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as T);
  }
  return chosen;
}

function maybeAddress(ctx: Context, town: string): string | undefined {
  if (!chance(ctx.random, 0.4)) return undefined;
  return `${randomInt(ctx.random, 1, 240)} ${pick(ctx.random, N.STREETS)}, ${town}`;
}

function siteCode(parent: string, index: number): string {
  return `${parent}${LETTERS.charAt(Math.floor(index / 26) + 17)}${LETTERS.charAt(index % 26)}`;
}

function childCode(parent: string, index: number): string {
  return `${parent}${String(index + 1).padStart(2, '0')}`;
}

function addTeams(
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

function buildAcute(ctx: Context): void {
  const town = pick(ctx.random, N.TOWNS);
  const outward = randomOutward(ctx);
  const nacs = allocateCode(ctx, 'trust', 'RT', 2);
  const top = addService(ctx, {
    nacs,
    name: `${town} ${pick(ctx.random, N.TRUST_SUFFIXES)}`,
    type: 'trust',
    outward,
  });
  const hospitals = randomInt(ctx.random, 2, 4);
  for (let h = 0; h < hospitals; h++) {
    const siteTown = h === 0 ? town : pick(ctx.random, N.TOWNS);
    const name = chance(ctx.random, 0.4)
      ? `${pick(ctx.random, N.SAINTS)} Hospital`
      : `${siteTown} ${pick(ctx.random, ['General Hospital', 'Royal Infirmary', 'Community Hospital'])}`;
    const code = claimCode(ctx, siteCode(nacs, h));
    const address = maybeAddress(ctx, siteTown);
    const site = addService(ctx, {
      nacs: code,
      name,
      type: 'hospital',
      parent: top,
      top,
      site: code,
      outward,
      address,
    });
    addTeams(ctx, top, site, sample(ctx.random, N.WARDS, randomInt(ctx.random, 6, 20)), 'ward');
  }
}

function buildTrustWithTeams(ctx: Context, kind: 'mental health' | 'community service'): void {
  const town = pick(ctx.random, N.TOWNS);
  const outward = randomOutward(ctx);
  const nacs = allocateCode(ctx, 'trust', 'RT', 2);
  const trustName =
    kind === 'mental health'
      ? `${town} & ${pick(ctx.random, N.TOWNS)} Mental Health NHS Foundation Trust`
      : `${town} Community Health Services NHS Trust`;
  const top = addService(ctx, { nacs, name: trustName, type: 'trust', outward });
  const sites = randomInt(ctx.random, 2, 4);
  for (let s = 0; s < sites; s++) {
    const siteTown = pick(ctx.random, N.TOWNS);
    const siteName = pick(ctx.random, kind === 'mental health' ? N.MENTAL_HEALTH_SITES : N.COMMUNITY_SITES);
    const code = claimCode(ctx, siteCode(nacs, s));
    const name = `${siteTown} ${siteName}`;
    const site = addService(ctx, { nacs: code, name, type: kind, parent: top, top, site: code, outward });
    const teams = kind === 'mental health' ? N.MENTAL_HEALTH_TEAMS : N.COMMUNITY_TEAMS;
    addTeams(ctx, top, site, sample(ctx.random, teams, randomInt(ctx.random, 2, 6)), kind);
  }
}

function buildGp(ctx: Context): void {
  const town = pick(ctx.random, N.TOWNS);
  const outward = randomOutward(ctx);
  const nacs = allocateCode(ctx, 'gp', 'ABCDEFGHJKLMNPY', 5, DIGITS);
  const style = randomInt(ctx.random, 0, 3);
  const kind = pick(ctx.random, N.GP_NAMES);
  const name = [
    `${pick(ctx.random, N.SAINTS)} ${kind}`,
    `${town} ${kind}`,
    `${pick(ctx.random, N.STREETS)} ${kind}`,
    `Dr ${pick(ctx.random, N.SURNAMES)} & Partners`,
  ][style] as string;
  const address = maybeAddress(ctx, town);
  const top = addService(ctx, { nacs, name, type: 'general practice', site: nacs, outward, address });
  const branches = chance(ctx.random, 0.3) ? randomInt(ctx.random, 1, 2) : 0;
  for (let b = 0; b < branches; b++) {
    const code = claimCode(ctx, `${nacs}B${b + 1}`);
    const branchName = `${pick(ctx.random, N.TOWNS)} Branch Surgery`;
    addService(ctx, {
      nacs: code,
      name: branchName,
      type: 'general practice',
      parent: top,
      top,
      site: code,
      outward,
    });
  }
}

function buildSingle(ctx: Context, type: 'pharmacy' | 'dentist'): void {
  const town = pick(ctx.random, N.TOWNS);
  const outward = randomOutward(ctx);
  const isPharmacy = type === 'pharmacy';
  const nacs = isPharmacy
    ? allocateCode(ctx, 'pharmacy', 'F', 4)
    : allocateCode(ctx, 'dentist', 'V', 6, DIGITS);
  const owner = chance(ctx.random, 0.5) ? pick(ctx.random, N.SURNAMES) : town;
  const name = `${owner} ${pick(ctx.random, isPharmacy ? N.PHARMACY_NAMES : N.DENTIST_NAMES)}`;
  addService(ctx, { nacs, name, type, site: nacs, outward, address: maybeAddress(ctx, town) });
}

function buildCare(ctx: Context): void {
  const outward = randomOutward(ctx);
  // Letters only, so a provider's code can never equal a home's (which ends in digits).
  const nacs = allocateCode(ctx, 'care', 'N', 2, LETTERS);
  const name = `${pick(ctx.random, N.SURNAMES)} ${pick(ctx.random, N.CARE_PROVIDERS)}`;
  const top = addService(ctx, { nacs, name, type: 'care provider', outward });
  const homes = randomInt(ctx.random, 1, 4);
  for (let h = 0; h < homes; h++) {
    const isHomeCare = chance(ctx.random, 0.25);
    const town = pick(ctx.random, N.TOWNS);
    const homeName = isHomeCare
      ? `${name} – ${town} Home Care`
      : `${pick(ctx.random, [...N.SURNAMES, ...N.TOWNS])} ${pick(ctx.random, N.CARE_HOME_NAMES)}`;
    const code = claimCode(ctx, childCode(nacs, h));
    const type = isHomeCare ? 'home care' : 'care home';
    const site = addService(ctx, { nacs: code, name: homeName, type, parent: top, top, site: code, outward });
    if (!isHomeCare && chance(ctx.random, 0.25)) {
      addTeams(
        ctx,
        top,
        site,
        sample(ctx.random, N.CARE_HOME_UNITS, randomInt(ctx.random, 1, 3)),
        'care home',
      );
    }
  }
}

export function buildOrganisation(ctx: Context, kind: OrganisationKind): void {
  if (kind === 'acute') buildAcute(ctx);
  else if (kind === 'mentalHealth') buildTrustWithTeams(ctx, 'mental health');
  else if (kind === 'community') buildTrustWithTeams(ctx, 'community service');
  else if (kind === 'gp') buildGp(ctx);
  else if (kind === 'care') buildCare(ctx);
  else buildSingle(ctx, kind);
}
