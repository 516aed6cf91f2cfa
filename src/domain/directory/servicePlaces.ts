// A service's place in the directory's tree: its site (another service, named by `siteNacs`) and
// its organisation. Search matches their words too, and each result shows them, so that one of
// the hundreds of wards sharing a name can be told apart ("Thérèse Ward — St Anne's Hospital,
// Larkfield NHS Trust").
import { normalise } from './normalise.ts';
import type { Service } from './service.ts';

export type ServicePlaces = {
  /** Per service: the number of its site service, or -1 (none, unknown, or itself). */
  readonly siteOf: Int32Array;
  /** Distinct organisation names as given, and each service's as a place there (-1: none shown). */
  readonly organisations: readonly string[];
  readonly organisationOf: Int32Array;
  /** Normalised organisation names, by the same numbers. */
  readonly organisationKeys: readonly string[];
};

/**
 * Sites are looked up in the same list. An organisation equal to the service's own name or to its
 * site's name is not repeated (a trust is not "in" itself).
 */
export function placesOf(services: readonly Service[]): ServicePlaces {
  const byNacs = new Map<string, number>();
  services.forEach((s, i) => {
    if (!byNacs.has(s.nacs)) byNacs.set(s.nacs, i);
  });
  const siteOf = Int32Array.from(services, (s, i) => {
    const site = s.siteNacs === undefined ? -1 : (byNacs.get(s.siteNacs) ?? -1);
    return site === i ? -1 : site;
  });
  const numbers = new Map<string, number>(); // few distinct organisations: normalise each once
  const organisations: string[] = [];
  const organisationKeys: string[] = [];
  const organisationOf = Int32Array.from(services, (s, i) => {
    if (s.organisation === undefined) return -1;
    let n = numbers.get(s.organisation);
    if (n === undefined) {
      n = organisations.length;
      numbers.set(s.organisation, n);
      organisations.push(s.organisation);
      organisationKeys.push(normalise(s.organisation));
    }
    const key = organisationKeys[n] ?? '';
    const site = services[siteOf[i] ?? -1];
    return key === '' || key === s.key || key === site?.key ? -1 : n;
  });
  return {
    siteOf,
    organisations: Object.freeze(organisations),
    organisationOf,
    organisationKeys: Object.freeze(organisationKeys),
  };
}

/** Where a service stands, as shown under its name: "St Anne's Hospital, Larkfield NHS Trust". */
export function describePlace(site: string | undefined, organisation: string | undefined): string {
  return [site, organisation].filter((part) => part !== undefined && part !== '').join(', ');
}
