// Turns the stories probes' raw times into the figure table: keystroke → committed (two ways),
// input handler time, and Home's list loads and changes.
import { ms, percentile } from '../format.ts';
import type { Figure } from '../types.ts';
import type { Typing } from './typingProbe.ts';
import type { ListChange, ListLoad } from './watchProbe.ts';

const spread = (xs: readonly number[]) =>
  `p50 ${ms(percentile(xs, 50))} · p95 ${ms(percentile(xs, 95))} · max ${ms(Math.max(0, ...xs))}`;

export function typingRows(t: Typing): Figure[] {
  const keys = t.keys.filter((k) => k.inputEnd > 0);
  // Status: the first "Saved on this device" after the key's input was handled (it shows only when
  // the latest draft has committed, so every earlier key is in it).
  const byStatus = keys.flatMap((k) => {
    const saved = t.saved.find((s) => s > k.inputEnd);
    return saved === undefined ? [] : [saved - k.down];
  });
  // Row: the first updatedAt change whose stamp (taken as that save read the draft) is at or after
  // the key's input; seen by a read every 20 ms, so up to 20 ms late.
  const byRow = keys.flatMap((k) => {
    const commit = t.commits.find((c) => c.updatedAt >= k.inputWall);
    return commit === undefined ? [] : [commit.seenAt - k.down];
  });
  const handler = keys.map((k) => k.inputEnd - k.inputStart);
  const keyToHandled = keys.map((k) => k.inputEnd - k.down);
  const slow = t.slowEvents;
  const names = [...new Set(slow.map((e) => e.name))];
  const byName = names.map((name) => {
    const of = slow.filter((e) => e.name === name);
    const worst = Math.max(...of.map((e) => e.processing));
    return `${name} ×${of.length} (p95 duration ${ms(
      percentile(
        of.map((e) => e.duration),
        95,
      ),
    )}, max processing ${ms(worst)})`;
  });
  return [
    {
      figure: 'Keystroke → committed, p50',
      value: ms(percentile(byStatus, 50)),
      note: `${byStatus.length} of ${keys.length} keys; keydown → next "Saved on this device" (shown only after the commit)`,
    },
    { figure: 'Keystroke → committed, p95', value: ms(percentile(byStatus, 95)), note: 'goal ≤ 300 ms' },
    {
      figure: 'Keystroke → committed, by the row',
      value: spread(byRow),
      note: `${byRow.length} keys; keydown → the story row's updatedAt changing in IndexedDB (read-only poll, 20 ms)`,
    },
    {
      figure: 'Commits during typing',
      value: String(t.commits.length),
      note: `${t.saved.length} × "Saved on this device"`,
    },
    {
      figure: 'Input handler time, p95',
      value: ms(percentile(handler, 95)),
      note: `goal ≤ 16 ms; capturing → bubbling 'input' on window (the app's handler + Preact's render); ${spread(handler)}`,
    },
    { figure: 'Keydown → input handled, p95', value: ms(percentile(keyToHandled, 95)) },
    {
      figure: 'Event Timing entries ≥ 16 ms',
      value: String(slow.length),
      note: slow.length
        ? `${keys.length} keys; duration = to the next paint: ${byName.join('; ')}`
        : 'no key or input event reached 16 ms (the API’s smallest threshold)',
    },
  ];
}

export function loadRows(loads: readonly ListLoad[], stories: number): Figure[] {
  const done = loads.filter((l) => l.completeAt !== null && l.pageAt !== null);
  const from = (start: (l: ListLoad) => number | null, end: (l: ListLoad) => number | null) =>
    done.filter((l) => start(l) !== null).map((l) => (end(l) ?? 0) - (start(l) ?? 0));
  const total = from(
    () => 0,
    (l) => l.pageAt,
  );
  const fromSubmit = from(
    (l) => l.submitAt,
    (l) => l.pageAt,
  );
  const fromHome = from(
    (l) => l.homeAt,
    (l) => l.pageAt,
  );
  const counted = from(
    (l) => l.homeAt,
    (l) => l.completeAt,
  );
  const list = (xs: number[]) => xs.map((x) => Math.round(x)).join(', ');
  const shown = Math.max(0, ...done.map((l) => l.rows));
  const rows = shown < stories ? `list (${shown} of ${stories} rows shown)` : `${stories} rows`;
  const out: Figure[] = [
    {
      figure: `Home list, navigation → ${rows}`,
      value: ms(percentile(total, 50)),
      note: `median of ${done.length} loads (${list(total)} ms); includes Playwright typing the PIN`,
    },
    {
      figure: `Home list, Home shown → ${rows}`,
      value: ms(percentile(fromHome, 50)),
      note: `goal ≤ 150 ms; median (${list(fromHome)} ms): Home's heading → the newest page of rows (read and opened, then rendered)`,
    },
    {
      figure: 'Home list, Home shown → "of N" counted',
      value: ms(percentile(counted, 50)),
      note: `median (${list(counted)} ms): the whole table counted apart from the list ("Showing the newest 50 of ${stories}.")`,
    },
  ];
  if (fromSubmit.length > 0) {
    out.push({
      figure: `Home list, Unlock → ${rows}`,
      value: ms(percentile(fromSubmit, 50)),
      note: `median (${list(fromSubmit)} ms): the PIN checked, then the list as above`,
    });
  }
  return out;
}

export function changeRow(figure: string, change: ListChange, what: string): Figure {
  const value =
    change.clickAt !== null && change.doneAt !== null ? ms(change.doneAt - change.clickAt) : 'no change seen';
  return { figure, value, note: `${what}; click → list updated (${change.rows} rows shown)` };
}
