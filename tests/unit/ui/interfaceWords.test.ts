// Every interface word comes from the message catalogues (src/domain/words): a .ts(x) file anywhere
// in src outside src/domain/words/ that writes words itself — JSX text with letters, or a quoted
// string in a prop people read (aria-label, label, placeholder, title, alt, hint, legend), or a
// quoted sentence anywhere (setProblem('A new story could not…'), a rule returning 'Enter the API
// address.') — fails here, with the file and line. Rules, the store, sync and the app return codes;
// only the screens word them. And the words depend on the rules, never the other way: no rule
// imports a catalogue, and a catalogue imports rules only with `import type` (their codes).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordsIn } from './interfaceWords.ts';

const ROOT = join(import.meta.dirname, '../../..');
const SRC = join(ROOT, 'src');
const WORDS = 'src/domain/words/';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [relative(ROOT, path)] : [];
  });
}

/** The only English outside the catalogues, each for a reason; anything else found fails. */
const ALLOWED: Readonly<Record<string, readonly string[] | 'all'>> = {
  // The words older versions stored, frozen for the migration to codes (DB_V7_REASON_CODES).
  'src/store/legacyWords.ts': 'all',
  // A developer's log line (the error handler's injected console.error, kinds only), never on screen.
  'src/app/errors.ts': ['Something went wrong:'],
  // Care Opinion's sites by their own names.
  'src/domain/regions/regions.ts': [
    'Care Opinion UK',
    'Care Opinion Ireland',
    'Care Opinion Australia',
    'Care Opinion Canada',
  ],
  // consent.recordedBy's stored default, sent to Care Opinion; the screens word it (story.staffMember).
  'src/domain/story/sendReadiness.ts': ['Staff member'],
  // A schema check's message for developers: checkQueueable reads only its path, never shown.
  'src/domain/story/submission.ts': ['The email is left out exactly when the story is posted on behalf.'],
};

function scan(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const allowed = ALLOWED[file];
    if (allowed === 'all') return [];
    return wordsIn(file, readFileSync(join(ROOT, file), 'utf8')).filter(
      (line) => !allowed?.includes(line.replace(/^[^:]+:\d+: /, '')),
    );
  });
}

const IMPORT_RE = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** Our modules a file imports: the path each resolves to, and whether it is `import type`. */
function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const source = readFileSync(join(ROOT, file), 'utf8');
  return [...source.matchAll(IMPORT_RE)]
    .filter((m) => (m[3] ?? '').startsWith('.'))
    .map((m) => ({ target: relative(ROOT, join(ROOT, file, '..', m[3] ?? '')), typeOnly: Boolean(m[2]) }));
}

/** The catalogues themselves: each language's words and the loader. */
const isCatalogue = (path: string) =>
  path.startsWith(`${WORDS}en-GB/`) || path.startsWith(`${WORDS}cy/`) || path === `${WORDS}index.ts`;

/** A rule may use the language list (`words/language.ts`, no words in it); the app loads the catalogues. */
const MAY_IMPORT_WORDS = new Set(['src/app/main.tsx', 'src/app/settings/display.ts']);

describe('interface words live in the catalogues', () => {
  it('no file in src outside the catalogues writes words itself', () => {
    expect(scan(sourceFiles(SRC).filter((file) => !file.startsWith(WORDS)))).toEqual([]);
  });

  it('no rule imports the words: domain, store, sync and app return codes', () => {
    const rules = sourceFiles(SRC).filter(
      (file) => !file.startsWith(WORDS) && !file.startsWith('src/ui/') && !MAY_IMPORT_WORDS.has(file),
    );
    const found = rules.flatMap((file) =>
      importsOf(file)
        .filter(({ target }) => target.startsWith(WORDS) && target !== `${WORDS}language.ts`)
        .map(({ target }) => `${file} → ${target}`),
    );
    expect(found).toEqual([]);
  });

  it('the catalogues import rules only as types (their codes), so types flow one way', () => {
    const catalogues = sourceFiles(SRC).filter(isCatalogue);
    expect(catalogues.length).toBeGreaterThan(20);
    const found = catalogues.flatMap((file) =>
      importsOf(file)
        .filter(({ target, typeOnly }) => !target.startsWith(WORDS) && !typeOnly)
        .map(({ target }) => `${file} → ${target}`),
    );
    expect(found).toEqual([]);
  });

  it('finds a rule that returns a sentence', () => {
    const found = scan(['src/domain/settings/settings.ts']);
    expect(found).toEqual([]);
    expect(
      wordsIn(
        'src/sync/x.ts',
        `export const f = () => ({ ok: false, reason: 'Could not reach the relay.' });`,
      ),
    ).toEqual(['src/sync/x.ts:1: Could not reach the relay.']);
  });

  it('finds words written in JSX text, word props and child expressions', () => {
    const found = wordsIn(
      'x.tsx',
      `const a = <p>Hello</p>;
       const b = <input aria-label="Search" placeholder={'Type'} />;
       const c = <span>{busy ? 'Saving…' : t.saved}</span>;
       const d = <footer>{\`Version \${id}\`}</footer>;
       const ok = <p class="note button-primary" id="x">{t.home.title} · {n}</p>;
       setProblem('A new story could not be started.');
       import { x } from 'Some Module';
       throw new Error('Context missing: render inside App');
       console.error('Send queue:', name);
       type Kind = 'Sent Words';`,
    );
    expect(found.map((line) => line.replace(/^x\.tsx:\d+: /, ''))).toEqual([
      'Hello',
      'Search',
      'Type',
      'Saving…',
      'Version',
      'A new story could not be started.',
    ]);
  });
});
