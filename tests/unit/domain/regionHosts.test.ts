// Every Care Opinion address, and the Welsh one, comes from the regions table: a Care Opinion host
// name written anywhere else in src/ (code, catalogues or comments) fails here, with the file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CARE_OPINION_HOSTS,
  exampleStoryAddress,
  siteName,
  tellYourStoryPage,
} from '../../../src/domain/regions/regions.ts';

const ROOT = join(import.meta.dirname, '../../..');
const TABLE = 'src/domain/regions/regions.ts';
/** Any careopinion.<something> host, not only today's ones: a new site belongs in the table too. */
const HOST = /careopinion\.[a-z]{2,}(\.[a-z]{2,})?/gi;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|css|html)$/.test(entry.name) ? [relative(ROOT, path)] : [];
  });
}

function hostsIn(file: string, source: string): string[] {
  return source
    .split('\n')
    .flatMap((line, i) => [...line.matchAll(HOST)].map((m) => `${file}:${i + 1}: ${m[0]}`));
}

describe('Care Opinion addresses come from the regions table only', () => {
  it('no file in src/ other than regions.ts names a Care Opinion host', () => {
    const found = sourceFiles(join(ROOT, 'src'))
      .filter((file) => file !== TABLE)
      .flatMap((file) => hostsIn(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('the scan sees a host in code and in a comment', () => {
    expect(hostsIn('x.ts', "// see careopinion.org.uk\nconst a = 'https://www.careopinion.ie/1';")).toEqual([
      'x.ts:1: careopinion.org.uk',
      'x.ts:2: careopinion.ie',
    ]);
  });

  it('the table knows every host the scan looks for', () => {
    const table = readFileSync(join(ROOT, TABLE), 'utf8');
    const named = new Set(hostsIn(TABLE, table).map((line) => line.split(': ')[1]?.toLowerCase()));
    for (const host of CARE_OPINION_HOSTS) expect(named).toContain(host);
  });

  it('each region points to its own site; a UK device in Welsh to careopinion.cymru', () => {
    expect(siteName('ie', 'en-GB')).toBe('careopinion.ie');
    expect(siteName('ie', 'cy')).toBe('careopinion.ie');
    expect(siteName('au', 'en-GB')).toBe('careopinion.org.au');
    expect(siteName('ca', 'cy')).toBe('careopinion.ca');
    expect(siteName('uk', 'en-GB')).toBe('careopinion.org.uk');
    expect(siteName('uk', 'cy')).toBe('careopinion.cymru');
    expect(tellYourStoryPage('uk', 'cy')).toBe('https://www.careopinion.cymru/tellyourstory');
    expect(exampleStoryAddress('ie', 'en-GB')).toBe('https://www.careopinion.ie/1234567');
  });
});
