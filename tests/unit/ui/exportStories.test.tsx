// Issue 26 on screen, rendered to HTML: Home's "Export unsent stories" only when offered, the panel's
// PIN prompt first, the file handed over by the share sheet or a download (a name with no one's
// details), the rows' and the story's "Exported" mark — in English and Welsh.
import { signal } from '@preact/signals';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings/settings.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { loadMessages, type Messages } from '../../../src/domain/words/index.ts';
import { AppContext, type AppContextValue, type StorySummary } from '../../../src/ui/actions.ts';
import { ExportPanel } from '../../../src/ui/export/ExportPanel.tsx';
import { ShareFile } from '../../../src/ui/export/ShareFile.tsx';
import { ExportStories } from '../../../src/ui/home/ExportStories.tsx';
import { StoryRow } from '../../../src/ui/home/StoryRow.tsx';
import { type LockActions, LockContext } from '../../../src/ui/lock/lockActions.ts';
import { TextContext } from '../../../src/ui/shared/text.ts';
import { QueuedPanel } from '../../../src/ui/story/queued/QueuedPanel.tsx';

const cy = await loadMessages('cy');
const none = () => {};

function render(
  node: preact.ComponentChildren,
  offered = true,
  t: Messages = enGB,
  stories: StorySummary[] = [],
): string {
  const app = {
    state: { exportOffered: signal(offered), settings: signal(DEFAULT_SETTINGS), stories: signal(stories) },
    // Rendering only: no action runs.
    ports: { settings: {}, device: {}, directory: {}, send: {}, story: {}, session: {}, errors: {} },
  } as unknown as AppContextValue;
  const lock = {
    state: signal({ phase: 'unlocked' as const, storiesWaiting: null }),
    actions: {} as LockActions,
  };
  return renderToString(
    <AppContext.Provider value={app}>
      <TextContext.Provider value={t}>
        <LockContext.Provider value={lock}>{node}</LockContext.Provider>
      </TextContext.Provider>
    </AppContext.Provider>,
  );
}

const row: StorySummary = {
  id: 's1',
  title: 'Kind staff on ward 7',
  state: 'queued',
  createdAt: 1,
  updatedAt: 1,
  services: [],
  postedOnBehalf: false,
  mayHaveArrived: true,
  editable: false,
};

describe('Home → "Export unsent stories"', () => {
  it('is a button only when offered (on a relay with its key, a story waiting)', () => {
    expect(render(<ExportStories />, true)).toBe(
      '<button type="button" class="export-button">Export unsent stories</button>',
    );
    expect(render(<ExportStories />, false)).toBe('');
  });

  it('asks for the staff PIN first: a heading, the PIN field, "Export" and "Cancel"', () => {
    const html = render(<ExportPanel onClose={none} />);
    expect(html).toContain('<h2 id="export-title">Export unsent stories</h2>');
    expect(html).toContain('aria-labelledby="export-pin-title"');
    expect(html).toContain('Staff: type your PIN to export the stories');
    expect(html).toMatch(/<label[^>]*>Staff PIN<\/label>/);
    expect(html).toMatch(/type="password"[^>]*inputmode="numeric"|inputmode="numeric"[^>]*type="password"/);
    expect(html).toContain('>Export</button>');
    expect(html).toContain('>Cancel</button>');
  });

  it('says it in Welsh too', () => {
    expect(render(<ExportStories />, true, cy)).toContain(cy.home.export.button);
    expect(render(<ExportPanel onClose={none} />, true, cy)).toContain(cy.home.export.pinTitle);
  });
});

describe('handing the file over', () => {
  const bytes = new TextEncoder().encode('{"format":"story-collector-sealed-stories/1"}');
  // Node has no navigator (or one without sharing): each test gives the page the one it needs.
  const had = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  beforeEach(() => {
    Object.defineProperty(globalThis, 'navigator', { value: {}, configurable: true, writable: true });
  });
  afterEach(() => {
    if (had) Object.defineProperty(globalThis, 'navigator', had);
    else Reflect.deleteProperty(globalThis, 'navigator');
  });

  it('without the share sheet: "Save the file", a download of its name from an object URL', () => {
    const html = render(<ShareFile name="stories-2026-12-07-3.sealed" bytes={bytes} onHanded={none} />);
    expect(html).toMatch(
      /<a class="button button-primary" href="blob:[^"]+" download="stories-2026-12-07-3.sealed">Save the file<\/a>/,
    );
  });

  it('where the browser can share the file: "Share the file"', () => {
    Object.defineProperty(navigator, 'canShare', { value: () => true, configurable: true });
    Object.defineProperty(navigator, 'share', { value: async () => {}, configurable: true });
    const html = render(<ShareFile name="stories-2026-12-07-3.sealed" bytes={bytes} onHanded={none} />);
    expect(html).toBe('<button type="button" class="button-primary">Share the file</button>');
  });

  it('the confirmation says how many stories are in the file', () => {
    expect(enGB.home.export.inFile(3, 'stories-2026-12-07-3.sealed')).toBe(
      '3 stories are in the file stories-2026-12-07-3.sealed.',
    );
    expect(enGB.home.export.inFile(1, 'stories-2026-12-07-1.sealed')).toBe(
      '1 story is in the file stories-2026-12-07-1.sealed.',
    );
  });
});

describe('"Exported" on a story', () => {
  it('Home’s row shows the mark beside its state, as text', () => {
    const html = render(<StoryRow story={{ ...row, exported: true }} />);
    expect(html).toContain('<span class="state state-queued">Waiting to send</span>');
    expect(html).toContain('<span class="state state-exported">Exported</span>');
    expect(render(<StoryRow story={row} />)).not.toContain('Exported');
    expect(render(<StoryRow story={{ ...row, exported: true }} />, true, cy)).toContain(cy.send.exported);
  });

  it('the story’s own panel says it is exported and still sent from this iPad', () => {
    const panel = <QueuedPanel id="s1" state="queued" editable={false} justQueued={false} onEdited={none} />;
    expect(render(panel, true, enGB, [{ ...row, exported: true }])).toContain(enGB.send.exportedNote);
    expect(render(panel, true, enGB, [row])).not.toContain(enGB.send.exportedNote);
  });
});
