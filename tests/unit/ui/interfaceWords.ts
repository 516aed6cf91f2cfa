// Finds interface words written in a ui source (used by interfaceWords.test.ts): JSX text with
// letters, quoted strings in props people read or in JSX child expressions, and anywhere else a
// quoted sentence ("A new story could not be started…" handed to setProblem). Developer messages
// (`new Error(…)`, `console.error(…)`), import paths and non-word props (class, href, type…) are not interface words.
import { parseSync } from 'vite';

/** Props whose value a person reads or hears. */
export const WORD_PROPS = new Set([
  'aria-label',
  'aria-description',
  'label',
  'placeholder',
  'title',
  'alt',
  'hint',
  'legend',
]);

type Node = { type: string; start: number; [key: string]: unknown };

const hasLetters = (text: string) => /\p{L}/u.test(text);
/** Starts with a capital and has two words of two letters or more ("Keep it"; not SVG path data "M h v1"). */
const looksLikeWords = (text: string) => /^\P{L}*\p{Lu}/u.test(text) && /\p{L}{2,}\s+\p{L}{2,}/u.test(text);
/** Non-word props: their strings (class names, routes, input types) are never read out. */
const isNonWordAttribute = (node: Node) =>
  node.type === 'JSXAttribute' && !WORD_PROPS.has(String((node.name as Node).name));

const isConsole = (callee: Node) =>
  callee.type === 'MemberExpression' &&
  (callee.object as Node).type === 'Identifier' &&
  (callee.object as { name?: unknown }).name === 'console';

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
  const { program, errors } = parseSync(fileName, source, { lang: fileName.endsWith('.tsx') ? 'tsx' : 'ts' });
  if (errors.length > 0) throw new Error(`${fileName} does not parse: ${errors[0]?.message}`);
  const found: { at: number; text: string }[] = [];
  const reported = new Set<number>();
  const visit = (node: unknown, parent: Node | null) => {
    if (Array.isArray(node)) {
      for (const one of node) visit(one, parent);
      return;
    }
    if (typeof node !== 'object' || node === null || typeof (node as Node).type !== 'string') return;
    const n = node as Node;
    // Not interface words: developer errors, module paths, non-word props, TypeScript types.
    if (n.type === 'NewExpression' || n.type.startsWith('Import') || n.type.startsWith('Export')) {
      if (n.type !== 'ExportNamedDeclaration' && n.type !== 'ExportDefaultDeclaration') return;
    }
    if (isNonWordAttribute(n) || n.type.startsWith('TS')) return;
    // A developer's log line (console.error('Send queue:', …)) is not read on screen.
    if (n.type === 'CallExpression' && isConsole(n.callee as Node)) return;
    if (n.type === 'Literal' && typeof n.value === 'string' && looksLikeWords(n.value))
      found.push({ at: n.start, text: n.value });
    if (n.type === 'TemplateLiteral') {
      const text = (n.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked).join(' ');
      if (looksLikeWords(text)) found.push({ at: n.start, text });
    }
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
    .filter((one) => hasLetters(one.text) && !reported.has(one.at) && reported.add(one.at))
    .map(
      ({ at, text }) =>
        `${fileName}:${source.slice(0, at).split('\n').length}: ${text.trim().replace(/\s+/g, ' ')}`,
    );
}
