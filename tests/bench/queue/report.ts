// The queue bench's one table: a row per queue and fault script, with columns padded by hand so the
// shared figure printer (label, value, note) shows them aligned.
import type { Figure, FigureTable } from '../types.ts';
import type { RunFigures } from './common.ts';

export type Row = { label: string; outcome: RunFigures | { failed: string } };

const COLUMNS = ['drain (s)', 'of ideal', 'stored', 'duplicates', 'losses', 'requests'] as const;
const WIDTHS = COLUMNS.map((c) => Math.max(c.length, 9));

const line = (cells: readonly string[]) => cells.map((c, i) => c.padStart(WIDTHS[i] ?? 9)).join('  ');

function cells(f: RunFigures, idealMs: number): string[] {
  return [
    f.drainMs === null ? 'not by cap' : (f.drainMs / 1000).toFixed(1),
    f.drainMs === null ? '—' : `${Math.round((f.drainMs / idealMs) * 100)}%`,
    String(f.stored),
    String(f.duplicates),
    String(f.losses),
    String(f.requests),
  ];
}

function answers(byStatus: Record<string, number>): string {
  return Object.entries(byStatus)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
}

export function queueTable(title: string, rows: readonly Row[], idealMs: number): FigureTable {
  const figures: Figure[] = [{ figure: '', value: line(COLUMNS), note: 'answers seen by the sandbox' }];
  for (const row of rows) {
    if ('failed' in row.outcome) {
      figures.push({
        figure: row.label,
        value: line(['—', '—', '—', '—', '—', '—']),
        note: row.outcome.failed,
      });
      continue;
    }
    const note = [answers(row.outcome.byStatus), row.outcome.note].filter(Boolean).join(' · ');
    figures.push({ figure: row.label, value: line(cells(row.outcome, idealMs)), note });
  }
  return { title, rows: figures };
}
