// What staff type into "Find a service": hand-picked queries (the showcase names, partial and
// reordered words, accent-free, a code, typing mistakes search forgives and typos that find
// nothing) plus queries drawn, seeded, from the sandbox directory's own names the way people
// shorten them.

import { normalise } from '../../../src/domain/directory/search.ts';
import { generateDirectory } from '../../sandbox/directory.ts';
import { createRandom } from '../../sandbox/prng.ts';

const HAND_PICKED = [
  'st marys hosp',
  'st marys',
  'saint mary',
  'hosp st mar',
  'therese',
  'therese ward',
  'ward therese',
  'childrens ward',
  'children',
  'c84',
  'dental',
  'dentist',
  'smile studio',
  'pharmacy',
  'chemist',
  'boots',
  'medical centre',
  'health centre',
  'surgery',
  'branch surgery',
  'mental health',
  'crisis team',
  'home treatment',
  'talking therapies',
  'a&e',
  'accident emergency',
  'icu',
  'intensive care',
  'stroke unit',
  'maternity',
  'ear nose throat',
  'ent',
  'podiatry',
  'care home',
  'respite',
  'home care',
  'nye bevan',
  'day surgery',
  'older adults',
  'perinatal',
  'physio',
  'gp',
  'dr patel',
  'kingsmere',
  'northfield carrow',
  'nhs trust',
  'teaching hospitals',
  'senora',
  'ffordd yr eglwys',
  'xyzzy',
  'elderley care',
  'orthopedics',
  'maternty',
  'pharamcy',
  'physiotherpy',
];

/** 1–3 words of a real name, accent-free; the last word often cut short; sometimes reordered. */
function shorten(name: string, random: () => number): string {
  const words = normalise(name)
    .split(' ')
    .filter((w) => w !== '');
  const start = Math.floor(random() * Math.max(1, words.length - 1));
  const picked = words.slice(start, start + 1 + Math.floor(random() * 3));
  const last = picked.length - 1;
  const lastWord = picked[last] ?? '';
  if (random() < 0.5 && lastWord.length > 4) picked[last] = lastWord.slice(0, 3 + Math.floor(random() * 3));
  return (random() < 0.25 ? picked.reverse() : picked).join(' ');
}

/** `count` queries: the hand-picked ones first, then ones drawn from the directory (same seed). */
export function makeQueries(count: number, services: number): string[] {
  const names = generateDirectory({ services })
    .map((s) => s.name)
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  const random = createRandom(4);
  const drawn = Array.from({ length: Math.max(0, count - HAND_PICKED.length) }, () =>
    shorten(names[Math.floor(random() * names.length)] ?? '', random),
  );
  return [...HAND_PICKED.slice(0, count), ...drawn];
}

/** Queries whose top results the bench prints, to show the search finds what was typed. */
export const SHOWN_QUERIES = ['st marys', 'therese', 'hosp st mar', 'childrens ward'];
