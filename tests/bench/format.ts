// Number formatting and percentiles shared by the benchmarks, and the figure table printer.
import type { FigureTable } from './types.ts';

const grouped = new Intl.NumberFormat('en-GB');

export const int = (n: number): string => grouped.format(Math.round(n));
export const ms = (n: number): string => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;
export const sec = (n: number): string => `${(n / 1000).toFixed(1)} s`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const rate = (n: number, unit: string): string => `${n < 100 ? n.toFixed(2) : int(n)} ${unit}/s`;

/** The p-th percentile (nearest rank) of unsorted samples; 0 for none. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((sorted.length * p) / 100) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? 0;
}

export function formatTable(table: FigureTable): string {
  const width = (pick: (r: FigureTable['rows'][number]) => string) =>
    Math.max(0, ...table.rows.map((r) => pick(r).length));
  const wf = width((r) => r.figure);
  const wv = width((r) => r.value);
  const lines = table.rows.map((r) => {
    const note = r.note ? `  ${r.note}` : '';
    return `  ${r.figure.padEnd(wf)}  ${r.value.padStart(wv)}${note}`.trimEnd();
  });
  const rule = '-'.repeat(Math.max(table.title.length, ...lines.map((l) => l.length)));
  return [table.title, rule, ...lines, ''].join('\n');
}
