// A service as a person reads it, always with its place, so that one of the ten "Oak Ward"s in a
// directory is never mistaken for another: "Orthopaedics — Abernant Royal Infirmary". A chosen
// service keeps its place (its site, else its organisation) when it is chosen; an older story's
// service without one is looked up in the directory on the device, else shown by its name alone.
import type { Service } from './service.ts';

/** A chosen service as a story or a session keeps it. */
export type PlacedService = { name: string; place?: string | undefined };

const clean = (value: string | undefined): string => (value ?? '').trim().replace(/\s+/g, ' ');

/** What joins a service's name and its place, in every language (as the search results show it). */
export const PLACE_JOIN = ' — ';

/** "Orthopaedics — Abernant Royal Infirmary"; the name alone when the place is unknown or the same. */
export function serviceLabel(service: PlacedService): string {
  const name = clean(service.name);
  const place = clean(service.place);
  if (place === '' || place.toLowerCase() === name.toLowerCase()) return name;
  return `${name}${PLACE_JOIN}${place}`;
}

/** The place a chosen service keeps: its site's name, else its organisation's, else none. */
export function placeToKeep(site: string | undefined, organisation: string | undefined): string | undefined {
  const place = clean(site) || clean(organisation);
  return place === '' ? undefined : place;
}

/** An older story's service, looked up by its code: where the directory on the device puts it. */
export async function lookUpPlace(
  service: Pick<Service, 'siteNacs' | 'organisation'>,
  siteNamed: (nacs: string) => Promise<string | undefined>,
): Promise<string | undefined> {
  const site = service.siteNacs === undefined ? undefined : await siteNamed(service.siteNacs);
  return placeToKeep(site, service.organisation);
}

/**
 * The places of `names` (in order) from labels read from a story's summary: each name takes the
 * first unused label that is that name with a place. Undefined where none is known.
 */
export function placesFromLabels(
  names: readonly string[],
  labels: readonly string[],
): (string | undefined)[] {
  const left = [...labels];
  return names.map((name) => {
    const start = `${clean(name)}${PLACE_JOIN}`;
    const at = left.findIndex((label) => label.startsWith(start));
    if (at < 0) return undefined;
    const [label = ''] = left.splice(at, 1);
    return clean(label.slice(start.length)) || undefined;
  });
}
