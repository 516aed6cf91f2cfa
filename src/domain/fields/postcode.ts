// Postcode formats for the regions the app works in: normalising, checking and masking.
// Never throws: anything typed gets either a tidy postcode or a reason a person can read out.
import { toNormalised } from 'postcode';
import { type Region, RegionSchema } from '../settings/settings';

export const REGIONS: readonly Region[] = RegionSchema.options;

export type PostcodeCheck =
  | { ok: true; postcode: string }
  | { ok: false; code: 'empty' | 'format'; region: Region };

// Eircode: a routing key (letter + 2 digits, or D6W) and a 4-character unique identifier.
const EIRCODE = /^([AC-FHKNPRTV-Y]\d{2}|D6W)([0-9AC-FHKNPRTV-Y]{4})$/;
// Canada: no D, F, I, O, Q or U anywhere; no W or Z as the first letter.
const CANADA = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])(\d[ABCEGHJ-NPRSTV-Z]\d)$/;
const AUSTRALIA = /^\d{4}$/;

const known = (region: Region): Region => (REGIONS.includes(region) ? region : 'uk');

function tidy(value: string): string {
  return String(value).trim().replace(/\s+/g, ' ').toUpperCase();
}

/** The postcode in its region's format when it is one; otherwise the input upper-cased, spaces tidied. */
export function normalisePostcode(value: string, region: Region): string {
  const tidied = tidy(value);
  return formatFor(tidied, region) ?? tidied;
}

function formatFor(tidied: string, region: Region): string | null {
  const compact = tidied.replace(/ /g, '');
  switch (region) {
    case 'au':
      return AUSTRALIA.test(compact) ? compact : null;
    case 'ie':
      return joined(EIRCODE.exec(compact));
    case 'ca':
      return joined(CANADA.exec(compact));
    default:
      // The package checks outward + inward code and puts the one space between them.
      return toNormalised(compact);
  }
}

function joined(match: RegExpExecArray | null): string | null {
  return match ? `${match[1]} ${match[2]}` : null;
}

/** Whether the value is a postcode for the region: the tidy form, or why not (`postcodeProblem` words it). */
export function checkPostcode(value: string, region: Region): PostcodeCheck {
  const id = known(region);
  const tidied = tidy(value);
  if (tidied === '') return { ok: false, code: 'empty', region: id };
  const postcode = formatFor(tidied, id);
  if (postcode === null) return { ok: false, code: 'format', region: id };
  return { ok: true, postcode };
}

/** Whether the value is a valid postcode in any region we know (a guard for stored queued stories). */
export function isKnownPostcode(value: string): boolean {
  return REGIONS.some((r) => checkPostcode(value, r).ok);
}

/** A postcode for lists and read-backs: the outward part only, e.g. "NG5 •••"; never the inward part. */
export function maskPostcode(value: string): string {
  const tidied = tidy(value);
  if (tidied === '') return '';
  const spaced = REGIONS.map((r) => formatFor(tidied, r)).find((p) => p?.includes(' ')) ?? tidied;
  const space = spaced.indexOf(' ');
  if (space > 0) return `${spaced.slice(0, space)} •••`;
  return tidied.length >= 4 ? `${tidied.slice(0, 2)}••` : '•••';
}
