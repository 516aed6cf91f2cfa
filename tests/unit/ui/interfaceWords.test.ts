// Every interface word comes from the message catalogues (src/domain/words): a .ts(x) file under
// src/ui that writes words itself — JSX text with letters, or a quoted string in a prop people read
// (aria-label, label, placeholder, title, alt, hint, legend), or a quoted sentence anywhere (such as
// setProblem('A new story could not…')) — fails here, with the file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordsIn } from './interfaceWords.ts';

const ROOT = join(import.meta.dirname, '../../..');
const UI = join(ROOT, 'src/ui');

function uiFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return uiFiles(path);
    return /\.tsx?$/.test(entry.name) ? [relative(ROOT, path)] : [];
  });
}

function scan(): string[] {
  return uiFiles(UI).flatMap((file) => wordsIn(file, readFileSync(join(ROOT, file), 'utf8')));
}

describe('interface words live in the catalogues', () => {
  it('no file under src/ui writes words itself', () => {
    expect(scan()).toEqual([]);
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
