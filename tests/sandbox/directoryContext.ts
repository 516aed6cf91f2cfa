// The shared state of one directory generation: the seeded random source, the codes taken so far
// and the helper that turns a spec into a service with both link shapes and a few extra fields.

import { PHONE_PREFIXES, POSTCODE_AREAS } from './names.ts';
import { chance, pick, type Random, randomChar, randomInt } from './prng.ts';

export type ServiceLink =
  | { rel: string; id: string; href: string }
  | { relation: string; id: string; link: string };

/** One entry of GET /healthservices. `name: null` or no `type` only in deliberately malformed items. */
export type HealthService = {
  nacs: string;
  name: string | null;
  type?: string;
  organisation?: string;
  siteNacs?: string;
  postcode: string;
  address?: string;
  addedAt: string;
  links: ServiceLink[];
  openingHours?: string;
  phone?: string;
};

export type Context = {
  random: Random;
  services: HealthService[];
  codes: Set<string>;
  parents: Set<string>;
  widen: Map<string, number>;
};

export type ServiceSpec = {
  nacs: string;
  name: string;
  type: string;
  parent?: HealthService;
  top?: HealthService;
  site?: string;
  outward: string;
  address?: string;
};

const FIRST_ADDED = Date.UTC(2021, 0, 1);
const LAST_ADDED = Date.UTC(2025, 9, 1);
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
export const DIGITS = '0123456789';
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function createContext(random: Random): Context {
  return { random, services: [], codes: new Set(), parents: new Set(), widen: new Map() };
}

export function claimCode(ctx: Context, code: string): string {
  if (ctx.codes.has(code)) throw new Error(`duplicate service code ${code}`);
  ctx.codes.add(code);
  return code;
}

/** A fresh random code `prefix + length chars`; a family that runs short grows by one char. */
export function allocateCode(
  ctx: Context,
  family: string,
  prefixes: string,
  length: number,
  chars = ALNUM,
): string {
  for (;;) {
    const extra = ctx.widen.get(family) ?? 0;
    for (let attempt = 0; attempt < 30; attempt++) {
      let code = randomChar(ctx.random, prefixes);
      for (let i = 0; i < length + extra; i++) code += randomChar(ctx.random, chars);
      if (!ctx.codes.has(code)) return claimCode(ctx, code);
    }
    ctx.widen.set(family, extra + 1);
  }
}

export function randomOutward(ctx: Context): string {
  return `${pick(ctx.random, POSTCODE_AREAS)}${randomInt(ctx.random, 1, 29)}`;
}

function randomPostcode(ctx: Context, outward: string): string {
  const letters = randomChar(ctx.random, INWARD_LETTERS) + randomChar(ctx.random, INWARD_LETTERS);
  return `${outward} ${randomInt(ctx.random, 1, 9)}${letters}`;
}

function addedAfterParent(ctx: Context, parent?: HealthService): string {
  const from = parent ? Date.parse(parent.addedAt) : FIRST_ADDED;
  const at = from + Math.floor(ctx.random() * (LAST_ADDED - from));
  return new Date(Math.floor(at / 1000) * 1000).toISOString();
}

function makeLink(ctx: Context, relation: string, nacs: string): ServiceLink {
  const href = `/api/v2/healthservices/${encodeURIComponent(nacs)}`;
  return chance(ctx.random, 0.5) ? { rel: relation, id: nacs, href } : { relation, id: nacs, link: href };
}

function addExtras(ctx: Context, service: HealthService, type: string): void {
  if (['general practice', 'pharmacy', 'dentist'].includes(type) && chance(ctx.random, 0.6)) {
    service.openingHours = chance(ctx.random, 0.5)
      ? 'Mon–Fri 08:00–18:30'
      : 'Mon–Sat 09:00–17:30, Sun closed';
  }
  if (chance(ctx.random, 0.3)) {
    service.phone = `${pick(ctx.random, PHONE_PREFIXES)}${String(randomInt(ctx.random, 0, 999)).padStart(3, '0')}`;
  }
}

export function addService(ctx: Context, spec: ServiceSpec): HealthService {
  const service: HealthService = {
    nacs: spec.nacs,
    name: spec.name,
    type: spec.type,
    ...(spec.top?.name ? { organisation: spec.top.name } : {}),
    ...(spec.site ? { siteNacs: spec.site } : {}),
    postcode: randomPostcode(ctx, spec.outward),
    ...(spec.address ? { address: spec.address } : {}),
    addedAt: addedAfterParent(ctx, spec.parent),
    links: [makeLink(ctx, 'self', spec.nacs)],
  };
  if (spec.parent) {
    service.links.push(makeLink(ctx, 'parent', spec.parent.nacs));
    ctx.parents.add(spec.parent.nacs);
  }
  addExtras(ctx, service, spec.type);
  ctx.services.push(service);
  return service;
}
