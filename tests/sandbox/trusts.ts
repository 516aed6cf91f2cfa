// NHS trusts: acute trusts with hospitals and wards, mental health and community trusts with
// sites and teams.

import { addTeams, maybeAddress, sample, siteCode } from './buildHelpers.ts';
import { addService, allocateCode, type Context, claimCode, randomOutward } from './directoryContext.ts';
import * as N from './names.ts';
import { chance, pick, randomInt } from './prng.ts';

export function buildAcute(ctx: Context): void {
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

export function buildTrustWithTeams(ctx: Context, kind: 'mental health' | 'community service'): void {
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
