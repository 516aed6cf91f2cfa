// "Care Opinion story address or number": every region's site, bare numbers, and what is refused.
import { describe, expect, it } from 'vitest';
import { isCareOpinionHost, SITES, tellYourStoryPage } from '../../../src/domain/regions/regions.ts';
import { RegionSchema } from '../../../src/domain/settings/settings.ts';
import { parseStoryAddress } from '../../../src/domain/story/storyAddress.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';

const HOSTS = [
  'careopinion.org.uk',
  'careopinion.ie',
  'careopinion.org.au',
  'careopinion.ca',
  'careopinion.cymru',
];

describe('parseStoryAddress', () => {
  it.each(
    HOSTS.flatMap((host) => [`https://www.${host}`, `https://${host}`, `http://www.${host}`, `www.${host}`]),
  )('accepts story addresses on %s', (origin) => {
    for (const path of [
      '/1234567',
      '/1234567/',
      '/opinions/1234567',
      '/opinions/1234567/kind-staff-on-ward-3',
    ]) {
      expect(parseStoryAddress(`${origin}${path}`)).toEqual({ ok: true, storyNumber: '1234567' });
    }
    expect(parseStoryAddress(`  ${origin}/opinions/1234567?utm_source=email#responses  `)).toEqual({
      ok: true,
      storyNumber: '1234567',
    });
  });

  it('accepts the host in any case', () => {
    expect(parseStoryAddress('HTTPS://WWW.CareOpinion.org.UK/1234567')).toEqual({
      ok: true,
      storyNumber: '1234567',
    });
  });

  it.each([
    ['1234567', '1234567'],
    [' 1234567 ', '1234567'],
    ['#1234567', '1234567'],
    ['0012345', '12345'],
  ])('accepts the bare number %j', (input, storyNumber) => {
    expect(parseStoryAddress(input)).toEqual({ ok: true, storyNumber });
  });

  it.each([
    ['', /Paste the address/],
    ['   ', /Paste the address/],
    ['0', /neither a story address nor a story number/],
    ['12 34', /neither/],
    ['1234567a', /neither/],
    ['-1234567', /neither/],
    ['1e6', /neither/],
    ['1234567890123', /neither/],
    ['posted!', /neither/],
    ['https://evil-careopinion.org.uk/1234567', /not a Care Opinion address/],
    ['https://careopinion.org.uk.evil.example/1234567', /not a Care Opinion address/],
    ['https://www.careopinion.com/1234567', /not a Care Opinion address/],
    ['https://careopinion.org/1234567', /not a Care Opinion address/],
    ['https://sub.www.careopinion.org.uk/1234567', /not a Care Opinion address/],
    ['https://user:pass@www.careopinion.org.uk/1234567', /not a Care Opinion address/],
    ['https://www.careopinion.org.uk:8443/1234567', /not a Care Opinion address/],
    ['ftp://www.careopinion.org.uk/1234567', /not a Care Opinion address/],
    ['javascript:alert(1234567)', /not a Care Opinion address/],
    ['<a href="https://www.careopinion.org.uk/1234567">story</a>', /neither|not a Care Opinion/],
    ['<img src=x onerror=alert(1)>', /neither|not a Care Opinion/],
    ['https://www.careopinion.org.uk/', /not a story’s address/],
    ['https://www.careopinion.org.uk/tellyourstory', /not a story’s address/],
    ['https://www.careopinion.org.uk/services/rx1ra', /not a story’s address/],
    ['https://www.careopinion.org.uk/opinions/abc', /not a story’s address/],
    ['https://www.careopinion.org.uk/1234567/a/b', /not a story’s address/],
    ['https://www.careopinion.org.uk/opinions/0', /neither/],
  ])('refuses %j with a reason', (input, reason) => {
    const checked = parseStoryAddress(input);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(enGB.handoff.address[checked.problem]).toMatch(reason);
  });
});

describe('regions', () => {
  it('gives each region its own site, never the UK one for the others', () => {
    const pages = RegionSchema.options.map((region) => tellYourStoryPage(region));
    expect(new Set(pages).size).toBe(RegionSchema.options.length);
    expect(tellYourStoryPage('uk')).toBe('https://www.careopinion.org.uk/tellyourstory');
    expect(tellYourStoryPage('ie')).toBe('https://www.careopinion.ie/tellyourstory');
    expect(tellYourStoryPage('au')).toBe('https://www.careopinion.org.au/tellyourstory');
    expect(tellYourStoryPage('ca')).toBe('https://www.careopinion.ca/tellyourstory');
    for (const site of Object.values(SITES)) expect(isCareOpinionHost(site.host)).toBe(true);
  });
});
