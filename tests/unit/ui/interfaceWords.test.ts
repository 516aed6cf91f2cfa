// Every interface word comes from the message catalogues (src/domain/messages): a .tsx file under
// src/ui that writes words itself — JSX text with letters, or a quoted string in a prop people read
// (aria-label, label, placeholder, title, alt, hint, legend) — fails here, with the file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from 'vite';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const UI = join(ROOT, 'src/ui');

/** Props whose value a person reads or hears. */
const WORD_PROPS = new Set([
  'aria-label',
  'aria-description',
  'label',
  'placeholder',
  'title',
  'alt',
  'hint',
  'legend',
]);

/**
 * TEMPORARY (issue 16): the story screen's words are being moved by other branches (i18n-b: story/
 * and story/handoff/; storyflow: story/steps/). Their files are still scanned and counted below, but
 * do not fail yet. The lead deletes this list (and the "temporary" test) once those branches are merged.
 */
const IN_PROGRESS_BY_I18N_B_AND_STORYFLOW = ['src/ui/story/'];

type Node = { type: string; start: number; [key: string]: unknown };

const hasLetters = (text: string) => /\p{L}/u.test(text);

/** The literal strings an expression may evaluate to (through ?:, ??, || and &&), not inside calls. */
function stringsIn(node: Node | null | undefined): { at: number; text: string }[] {
  if (!node) return [];
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' ? [{ at: node.start, text: node.value }] : [];
    case 'TemplateLiteral':
      return [
        {
          at: node.start,
          text: (node.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked).join(' '),
        },
      ];
    case 'ConditionalExpression':
      return [...stringsIn(node.consequent as Node), ...stringsIn(node.alternate as Node)];
    case 'LogicalExpression':
      return [...stringsIn(node.left as Node), ...stringsIn(node.right as Node)];
    case 'ParenthesizedExpression':
    case 'JSXExpressionContainer':
      return stringsIn(node.expression as Node);
    default:
      return [];
  }
}

/** Where words are written in a .tsx source: "file:line: text". */
export function wordsIn(fileName: string, source: string): string[] {
  const { program, errors } = parseSync(fileName, source, { lang: 'tsx' });
  if (errors.length > 0) throw new Error(`${fileName} does not parse: ${errors[0]?.message}`);
  const found: { at: number; text: string }[] = [];
  const visit = (node: unknown, parent: Node | null) => {
    if (Array.isArray(node)) return node.forEach((one) => visit(one, parent));
    if (typeof node !== 'object' || node === null || typeof (node as Node).type !== 'string') return;
    const n = node as Node;
    if (n.type === 'JSXText' && hasLetters(String(n.value)))
      found.push({ at: n.start, text: String(n.value) });
    if (n.type === 'JSXAttribute' && WORD_PROPS.has(String((n.name as Node).name)))
      found.push(...stringsIn(n.value as Node));
    // Words in a child expression: {'Saving…'}, {busy ? 'Testing…' : result}, {`Version ${id}`}.
    if (n.type === 'JSXExpressionContainer' && parent?.type !== 'JSXAttribute') found.push(...stringsIn(n));
    for (const [key, value] of Object.entries(n)) if (key !== 'type') visit(value, n);
  };
  visit(program, null);
  return found
    .filter((one) => hasLetters(one.text))
    .map(
      ({ at, text }) =>
        `${fileName}:${source.slice(0, at).split('\n').length}: ${text.trim().replace(/\s+/g, ' ')}`,
    );
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [relative(ROOT, path)] : [];
  });
}

function scan(): { failing: string[]; pending: string[] } {
  const failing: string[] = [];
  const pending: string[] = [];
  for (const file of tsxFiles(UI)) {
    const words = wordsIn(file, readFileSync(join(ROOT, file), 'utf8'));
    if (IN_PROGRESS_BY_I18N_B_AND_STORYFLOW.some((prefix) => file.startsWith(prefix))) pending.push(...words);
    else failing.push(...words);
  }
  return { failing, pending };
}

describe('interface words live in the catalogues', () => {
  it('no .tsx file under src/ui writes words itself', () => {
    expect(scan().failing).toEqual([]);
  });

  it('(temporary) lists the story screen files still being moved, without failing', () => {
    const { pending } = scan();
    if (pending.length > 0)
      console.info(`${pending.length} words still to move in src/ui/story/ (i18n-b, storyflow)`);
    expect(Array.isArray(pending)).toBe(true);
  });

  it('finds words written in JSX text, word props and child expressions', () => {
    const found = wordsIn(
      'x.tsx',
      `const a = <p>Hello</p>;
       const b = <input aria-label="Search" placeholder={'Type'} />;
       const c = <span>{busy ? 'Saving…' : t.saved}</span>;
       const d = <footer>{\`Version \${id}\`}</footer>;
       const ok = <p class="note" id="x">{t.home.title} · {n}</p>;`,
    );
    expect(found.map((line) => line.replace(/^x\.tsx:\d+: /, ''))).toEqual([
      'Hello',
      'Search',
      'Type',
      'Saving…',
      'Version',
    ]);
  });
});
