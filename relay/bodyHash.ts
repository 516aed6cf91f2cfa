// "The same body" (API.md): deep-equal JSON, key order ignored. The relay keeps only this hash
// of a story, so a replay can be told from a reused key without storing a word of it.
import { createHash } from 'node:crypto';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function bodyHash(value: unknown): string {
  return createHash('sha256').update(canonical(value)).digest('hex');
}
