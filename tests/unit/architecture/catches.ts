// Finds the `catch` sites that end an error without a word on which failure they expect (issue 23,
// item 5; STYLE.md §6: exceptions reach one top-level handler, expected failures are named).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type SourceFile = { path: string; source: string };
export type SilentCatch = { file: string; line: number; text: string };

/** `catch {` (the error unnamed, so dropped) or `catch (e) {}` (named and dropped). */
const BARE_CLAUSE = /\bcatch\s*(?:\{|\(\s*\w+\s*\)\s*\{\s*\})/;
/** `.catch(() => undefined)`, `=> null`, `=> void 0` or `=> {}`: the rejection dropped. */
const BARE_HANDLER = /\.catch\(\s*(?:\(\s*\w*\s*\)|\w+)\s*=>\s*(?:undefined|null|void 0|\{\s*\})\s*\)/;
const COMMENT = /\/\/|\/\*/;

function isCommentLine(line: string): boolean {
  return /^\s*(\/\/|\/?\*)/.test(line);
}

/**
 * Bare catches with no comment on the same line, the line before, or (for a `catch {` clause)
 * the first line of its block, where this code base says which failure it expects.
 */
export function findSilentCatches(files: SourceFile[]): SilentCatch[] {
  return files.flatMap(({ path, source }) => {
    const lines = source.split('\n');
    return lines.flatMap((text, i) => {
      if (isCommentLine(text)) return [];
      const clause = BARE_CLAUSE.test(text);
      if (!clause && !BARE_HANDLER.test(text)) return [];
      const near = [text, lines[i - 1] ?? '', clause ? (lines[i + 1] ?? '') : ''];
      return near.some((l) => COMMENT.test(l)) ? [] : [{ file: path, line: i + 1, text: text.trim() }];
    });
  });
}

/** Every .ts and .tsx file under `dir`, paths as `src/…`. */
export function sourcesUnder(dir: string): SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(name) ? [{ path, source: readFileSync(path, 'utf8') }] : [];
  });
}
