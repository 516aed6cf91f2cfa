// Local services: GP practices (some with branch surgeries), pharmacies, dentists, and care
// providers with care homes (some with units) and home care.

import { addTeams, childCode, maybeAddress, sample } from './buildHelpers.ts';
import {
  addService,
  allocateCode,
  type Context,
  claimCode,
  DIGITS,
  LETTERS,
  randomOutward,
} from './directoryContext.ts';
import * as N from './names.ts';
import { chance, pick, randomInt } from './prng.ts';

export function buildGp(ctx: Context): void {
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

export function buildSingle(ctx: Context, type: 'pharmacy' | 'dentist'): void {
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

export function buildCare(ctx: Context): void {
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
