// Turns the directory bench's measurements into the printed figure tables.
import { int, mb, ms, percentile, rate, sec } from '../format.ts';
import type { Figure, FigureTable } from '../types.ts';
import type { AppDownload } from './appDownload.ts';
import type { PageSearch, StorageFigures } from './measure.ts';
import type { Keystroke } from './pageProbe.ts';
import type { RawDownload } from './raw.ts';
import type { RelaySearchReady } from './relayReady.ts';
import type { StartSearch } from './startSearch.ts';
import type { UiKeystrokes } from './uiKeystroke.ts';

export type Failed = { failed: string };
export type Outcome<T> = T | Failed;
export const isFailed = <T>(o: Outcome<T>): o is Failed =>
  typeof o === 'object' && o !== null && 'failed' in o;

const failedRow = (figure: string, o: Failed): Figure => ({ figure, value: 'failed', note: o.failed });
const PAGE = 100;

export function downloadRows(
  label: string,
  d: Outcome<Omit<AppDownload, 'server' | 'browser'>>,
  ideal: string,
): Figure[] {
  if (isFailed(d)) return [failedRow(label, d)];
  const pages = Math.ceil(d.stored / PAGE);
  const statuses = Object.entries(d.byStatus)
    .map(([s, n]) => `${s}×${int(n)}`)
    .join(', ');
  return [
    { figure: `${label}: first load → complete`, value: sec(d.ms), note: `${int(d.stored)} services stored` },
    { figure: `${label}: pages/s`, value: rate((pages * 1000) / d.ms, 'pages'), note: ideal },
    { figure: `${label}: services/s`, value: rate((d.stored * 1000) / d.ms, 'services') },
    {
      figure: `${label}: API answers`,
      value: int(d.requests),
      note: `${statuses}${d.byStatus['429'] ? ' (each 429 waits ≥ 1 s)' : ''}`,
    },
  ];
}

export function relayRows(r: Outcome<RelaySearchReady>): Figure[] {
  const label = 'New iPad through the relay: request → first search answer';
  if (isFailed(r)) return [failedRow(label, r)];
  return [
    {
      figure: label,
      value: ms(r.foundAt - r.requestAt),
      note: `goal ≤ 1 s; ${int(r.services)} services, GET /directory (gzip, the relay's copy built) → the picker's first option`,
    },
    {
      figure: 'New iPad through the relay: the parts',
      value: `${ms(r.responseAt - r.requestAt)} · ${r.readyAt > r.requestAt ? ms(r.readyAt - r.requestAt) : '—'}`,
      note: `request → answer's headers · → directory opened from the store by the worker ('—': searched before, from the index handed over); the picker asked ${r.asked} times`,
    },
  ];
}

export function rawRows(r: Outcome<RawDownload>): Figure[] {
  const label = 'Node refresher, no limit';
  if (isFailed(r)) return [failedRow(label, r)];
  if (!r.ok) return [{ figure: label, value: 'failed', note: r.problem ?? '' }];
  return [
    { figure: `${label}: total`, value: sec(r.ms), note: `${int(r.stored)} services, fake-indexeddb` },
    { figure: `${label}: pages/s`, value: rate((r.pages * 1000) / r.ms, 'pages') },
    { figure: `${label}: services/s`, value: rate((r.stored * 1000) / r.ms, 'services') },
  ];
}

export function storageRows(s: Outcome<StorageFigures>, stored: number): Figure[] {
  if (isFailed(s)) return [failedRow('Stored size', s)];
  const perService = (bytes: number) => `${int(bytes / Math.max(1, stored))} bytes/service`;
  const rows: Figure[] = [
    { figure: 'Storage used (estimate, origin)', value: mb(s.usage), note: perService(s.usage) },
  ];
  if (s.indexedDB !== null)
    rows.push({ figure: 'IndexedDB (usageDetails)', value: mb(s.indexedDB), note: perService(s.indexedDB) });
  rows.push({ figure: 'IndexedDB folder on disk', value: mb(s.onDisk), note: perService(s.onDisk) });
  return rows;
}

export function startRows(s: Outcome<StartSearch>): Figure[] {
  if (isFailed(s)) return [failedRow('Unlock → first search result', s)];
  return [
    {
      figure: 'Home shown → directory answering searches',
      value: s.homeToReadyMs <= 0 ? `ready ${ms(-s.homeToReadyMs)} before` : ms(s.homeToReadyMs),
      note: 'goal ≤ 300 ms after Home',
    },
    { figure: 'Directory opening (load → ready, app marks)', value: ms(s.loadMs), note: 'in the worker' },
    {
      figure: 'Longest main-thread task while it opens',
      value: s.longestTaskWhileLoadingMs === 0 ? 'none ≥ 50 ms' : ms(s.longestTaskWhileLoadingMs),
      note: 'goal ≤ 50 ms',
    },
    { figure: 'Picker: first key → first result', value: ms(s.keyToResultMs) },
    {
      figure: 'Home shown → first search result',
      value: ms(s.homeToResultMs),
      note: 'opening a story, two Next and typing included (driven by Playwright)',
    },
    {
      figure: 'Navigation → first search result',
      value: ms(s.navigationToResultMs),
      note: 'PIN typed by the bench',
    },
    {
      figure: 'Longest main-thread task, navigation → first result',
      value: s.longTasks === 0 ? 'none ≥ 50 ms' : ms(s.longestTaskMs),
      note: `${s.longTasks} long tasks (unlock, story screen… included)`,
    },
    {
      figure: 'Directory worker: open stored index',
      value: ms(s.worker.loadMs),
      note: `${int(s.worker.count)} services, off the main thread`,
    },
    {
      figure: 'Directory worker: first search answered',
      value: ms(s.worker.searchMs),
      note: 'message round trip',
    },
  ];
}

export function searchRows(s: Outcome<PageSearch>): Figure[] {
  if (isFailed(s)) return [failedRow('Search in Chromium', s)];
  return [
    { figure: 'Read directory from IndexedDB', value: ms(s.readMs), note: `${int(s.services)} services` },
    { figure: 'Build search index', value: ms(s.buildMs) },
    {
      figure: 'searchServices per keystroke p50',
      value: ms(percentile(s.times, 50)),
      note: `${int(s.times.length)} keystrokes`,
    },
    { figure: 'searchServices per keystroke p95', value: ms(percentile(s.times, 95)), note: 'goal ≤ 30 ms' },
    { figure: 'searchServices per keystroke max', value: ms(Math.max(0, ...s.times)) },
  ];
}

export function uiRows(u: Outcome<UiKeystrokes>): Figure[] {
  if (isFailed(u)) return [failedRow('Picker keystroke', u)];
  if (!u.ok) return [{ figure: 'Picker keystroke (real UI)', value: 'skipped', note: u.note }];
  const updated = u.strokes.map((k: Keystroke) => Math.max(k.input, k.dom) - k.down);
  const frame = u.strokes.map((k: Keystroke) => k.frame - k.down);
  const n = `${int(u.strokes.length)} keys`;
  return [
    { figure: 'Picker: keydown → listbox updated p50', value: ms(percentile(updated, 50)), note: n },
    { figure: 'Picker: keydown → listbox updated p95', value: ms(percentile(updated, 95)) },
    { figure: 'Picker: keydown → next frame p50', value: ms(percentile(frame, 50)) },
    { figure: 'Picker: keydown → next frame p95', value: ms(percentile(frame, 95)) },
  ];
}

export function heapRows(
  fresh: Outcome<number>,
  loaded: Outcome<number>,
  reopenMs: Outcome<number>,
): Figure[] {
  const rows: Figure[] = [];
  rows.push(
    isFailed(reopenMs)
      ? failedRow('Reopen', reopenMs)
      : {
          figure: 'Reopen app → directory searchable',
          value: ms(reopenMs),
          note: 'reload → PIN → Settings shows the stored count',
        },
  );
  rows.push(
    isFailed(fresh)
      ? failedRow('JS heap, fresh app', fresh)
      : { figure: 'JS heap, fresh app (no directory)', value: mb(fresh) },
  );
  rows.push(
    isFailed(loaded)
      ? failedRow('JS heap, directory loaded', loaded)
      : {
          figure: 'JS heap, directory loaded (page only)',
          value: mb(loaded),
          note: 'the index lives in the worker',
        },
  );
  if (!isFailed(fresh) && !isFailed(loaded))
    rows.push({ figure: 'JS heap for the directory', value: mb(loaded - fresh), note: 'after a forced GC' });
  return rows;
}

export function sampleTable(s: Outcome<PageSearch>): FigureTable | null {
  if (isFailed(s)) return null;
  const rows = Object.entries(s.sample).map(([q, names]) => ({
    figure: `"${q}"`,
    value: '',
    note: names.join(' | ') || '(nothing)',
  }));
  return { title: 'What the search offers first (top 3)', rows };
}
