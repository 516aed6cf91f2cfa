// Care Opinion's sites, one per region: the one table of their addresses. Each region's own site,
// never the UK one for the others. careopinion.cymru is the UK site's Welsh address (stories there
// have the same numbers), so a story address on it is accepted, but nothing is sent there.
import type { AddressCheck, Region } from './settings.ts';

export type CareOpinionSite = { host: string; name: string };

export const SITES: Readonly<Record<Region, CareOpinionSite>> = Object.freeze({
  uk: { host: 'www.careopinion.org.uk', name: 'Care Opinion UK' },
  ie: { host: 'www.careopinion.ie', name: 'Care Opinion Ireland' },
  au: { host: 'www.careopinion.org.au', name: 'Care Opinion Australia' },
  ca: { host: 'www.careopinion.ca', name: 'Care Opinion Canada' },
});

/** Every host a Care Opinion story address may be on (without "www."). */
export const CARE_OPINION_HOSTS: readonly string[] = Object.freeze([
  ...Object.values(SITES).map((site) => site.host.replace(/^www\./, '')),
  'careopinion.cymru',
]);

/** The path of each site's "Tell your story" page. */
const TELL_YOUR_STORY_PATH = '/tellyourstory';

/** The region's own "Tell your story" page. */
export function tellYourStoryPage(region: Region): string {
  return `https://${SITES[region].host}${TELL_YOUR_STORY_PATH}`;
}

/** Whether a URL's host is one of Care Opinion's (with or without "www."), exactly: no look-alikes. */
export function isCareOpinionHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return CARE_OPINION_HOSTS.some((h) => host === h || host === `www.${h}`);
}

/** The invitation link must be an https address on one of Care Opinion's own sites. */
export function checkInvitationLink(value: string): AddressCheck {
  const trimmed = value.trim();
  let url: URL | null = null;
  try {
    url = new URL(trimmed);
  } catch {
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
    reason:
      'Use the invitation link exactly as Care Opinion gave it: an https:// address on a Care Opinion site.',
  };
}

/** Where a storyteller withdraws their story: their region's own Care Opinion site. */
export function withdrawPage(region: Region): string {
  return `https://${SITES[region].host}/`;
}
