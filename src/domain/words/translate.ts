// Words made outside the screens (a store's, a rule's or the app's answer: "That recovery code is not
// right…") are the English catalogue's own texts, and some are stored as they are (an outbox entry's
// reason). A screen shows them in the chosen language by finding the same key in its catalogue: the
// whole text, else sentence by sentence ("That PIN is not right. Please try again."). Text that is
// not in the English catalogue (an older version's words) is shown as it is.
import type { Messages } from './en-GB/index.ts';
import { enGB } from './en-GB/index.ts';

type Path = readonly string[];

let index: Map<string, Path> | null = null;

function indexOf(): Map<string, Path> {
  if (index) return index;
  const found = new Map<string, Path>();
  const walk = (value: unknown, path: Path) => {
    if (typeof value === 'string') {
      if (!found.has(value)) found.set(value, path);
    } else if (typeof value === 'object' && value !== null && path[0] !== 'format') {
      for (const [key, inner] of Object.entries(value)) walk(inner, [...path, key]);
    }
  };
  walk(enGB, []);
  index = found;
  return found;
}

function at(t: Messages, path: Path): string | undefined {
  let value: unknown = t;
  for (const key of path)
    value = typeof value === 'object' && value !== null ? (value as never)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function one(text: string, t: Messages): string | undefined {
  const path = indexOf().get(text);
  return path === undefined ? undefined : at(t, path);
}

/** English catalogue text in `t`'s language; sentence by sentence when only its parts are known. */
export function translate(text: string, t: Messages): string {
  if (t === enGB) return text;
  const whole = one(text, t);
  if (whole !== undefined) return whole;
  return text
    .split(/(?<=[.?!])\s+/)
    .map((sentence) => one(sentence, t) ?? sentence)
    .join(' ');
}
