// Issue 23: a thin composition root (main.tsx ≤ 100 lines, no function over 40), and every catch in
// src/app and src/ui either handles a named, expected failure (a comment says which) or hands the
// error to the one handler (reportError).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The text from the bracket at `open` to its match (the sources here hold no brackets in strings). */
function bracketed(text: string, open: number): string {
  const pairs: Record<string, string> = { '(': ')', '{': '}' };
  const close = pairs[text[open] ?? ''];
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === text[open]) depth += 1;
    else if (text[i] === close && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

const lineAt = (text: string, at: number) => text.slice(0, at).split('\n').length - 1;

/** Blocks (function bodies among them) longer than `max` lines, as "path:line (n lines)". */
function longBlocks(path: string, max: number): string[] {
  const text = readFileSync(path, 'utf8');
  const long: string[] = [];
  for (const match of text.matchAll(/\{\s*$/gm)) {
    const lines = bracketed(text, match.index).split('\n').length;
    if (lines > max) long.push(`${path}:${lineAt(text, match.index) + 1} (${lines} lines)`);
  }
  return long;
}

/** Catches that neither report the error nor say in a comment which failure they expect. */
function silentCatches(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const found: string[] = [];
  for (const match of text.matchAll(/\bcatch\b\s*(\([^)]*\)\s*)?[({]/g)) {
    const handler = bracketed(text, match.index + match[0].length - 1);
    const line = lineAt(text, match.index);
    const near = lines.slice(Math.max(0, line - 1), line + 2).join('\n');
    if (/\breport(Error)?\b/.test(handler) || /\/\/ \S/.test(near)) continue;
    found.push(`${path}:${line + 1}`);
  }
  return found;
}

describe('the composition root', () => {
  it('main.tsx only composes and renders: at most 100 lines, no function (no block) over 40', () => {
    const main = readFileSync('src/app/main.tsx', 'utf8');
    expect(main.trimEnd().split('\n').length).toBeLessThanOrEqual(100);
    expect(longBlocks('src/app/main.tsx', 40)).toEqual([]);
    expect(longBlocks('src/app/features.ts', 40)).toEqual([]);
  });
});

describe('errors reach one handler', () => {
  it('every catch in src/app and src/ui names the failure it expects, or reports the error', () => {
    const all = [...files('src/app'), ...files('src/ui')];
    expect(all.length).toBeGreaterThan(50);
    expect(all.flatMap(silentCatches)).toEqual([]);
  });
});
