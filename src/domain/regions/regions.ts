// Care Opinion's sites, one per region: the one table of their addresses (a unit test fails on a
// Care Opinion host written anywhere else in src/). Each region's own site, never the UK one for the
// others. Wales is not a region of its own: careopinion.cymru is the UK site's Welsh address (the
// same stories and numbers, its pages in Welsh), so a UK device shown in Cymraeg points people there
// and one shown in English to careopinion.org.uk. A story address on either is accepted.

import type { Region } from '../settings/settings.ts';
import type { Language } from '../words/language.ts';

export type CareOpinionSite = {
  host: string;
  name: string;
  /** The same site's Welsh address, where Care Opinion has one. */
  welshHost?: string;
};

export const SITES: Readonly<Record<Region, CareOpinionSite>> = Object.freeze({
  uk: { host: 'www.careopinion.org.uk', name: 'Care Opinion UK', welshHost: 'www.careopinion.cymru' },
  ie: { host: 'www.careopinion.ie', name: 'Care Opinion Ireland' },
  au: { host: 'www.careopinion.org.au', name: 'Care Opinion Australia' },
  ca: { host: 'www.careopinion.ca', name: 'Care Opinion Canada' },
});

const bare = (host: string) => host.replace(/^www\./, '');

/** Every host a Care Opinion story address may be on (without "www."). */
export const CARE_OPINION_HOSTS: readonly string[] = Object.freeze(
  Object.values(SITES).flatMap((site) => [site.host, ...(site.welshHost ? [site.welshHost] : [])].map(bare)),
);

/** The host people are pointed to: the region's site, in Welsh where it has a Welsh address. */
export function siteHost(region: Region, language: Language): string {
  const site = SITES[region];
  return language === 'cy' && site.welshHost ? site.welshHost : site.host;
}

/** The site as a person reads it in a sentence: "careopinion.org.uk", "careopinion.cymru". */
export function siteName(region: Region, language: Language): string {
  return bare(siteHost(region, language));
}

/** A story's address on the region's site, as an example ("https://www.careopinion.ie/1234567"). */
export function exampleStoryAddress(region: Region, language: Language): string {
  return `https://${siteHost(region, language)}/1234567`;
}

/** The path of each site's "Tell your story" page. */
const TELL_YOUR_STORY_PATH = '/tellyourstory';

/** The region's own "Tell your story" page (careopinion.cymru's for a UK device shown in Welsh). */
export function tellYourStoryPage(region: Region, language: Language = 'en-GB'): string {
  return `https://${siteHost(region, language)}${TELL_YOUR_STORY_PATH}`;
}

/** Whether a URL's host is one of Care Opinion's (with or without "www."), exactly: no look-alikes. */
export function isCareOpinionHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return CARE_OPINION_HOSTS.some((h) => host === h || host === `www.${h}`);
}

/** The invitation link must be an https address on one of Care Opinion's own sites. */
export function checkInvitationLink(
  value: string,
): { ok: true; address: string } | { ok: false; reason: 'invitationLink' } {
  const trimmed = value.trim();
  let url: URL | null = null;
  try {
    url = new URL(trimmed);
  } catch {
    // not a URL (new URL throws only a TypeError)
    url = null;
  }
  if (
    url?.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    isCareOpinionHost(url.hostname)
  )
    return { ok: true, address: url.href };
  return {
    ok: false,
    reason: 'invitationLink',
  };
}

/** Where a storyteller withdraws their story: their region's own Care Opinion site (in Welsh where it has one). */
export function withdrawPage(region: Region, language: Language = 'en-GB'): string {
  return `https://${siteHost(region, language)}/`;
}
