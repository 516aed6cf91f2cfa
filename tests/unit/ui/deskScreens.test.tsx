// Issue 27 on screen, rendered to HTML: Settings offer the posting desk only through a relay that
// has one, a story at the desk says so on Home's row and on its own panel — in English and Welsh.
import { signal } from '@preact/signals';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/domain/settings/settings.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { loadMessages, type Messages } from '../../../src/domain/words/index.ts';
import { AppContext, type AppContextValue, type StorySummary } from '../../../src/ui/actions.ts';
import { SendBar } from '../../../src/ui/home/SendBar.tsx';
import { StoryRow } from '../../../src/ui/home/StoryRow.tsx';
import { DeliveryFields } from '../../../src/ui/settings/DeliveryFields.tsx';
import { TextContext } from '../../../src/ui/shared/text.ts';
import { QueuedPanel } from '../../../src/ui/story/queued/QueuedPanel.tsx';
import { PUBLISHED_KEY } from '../app/relayKeys.ts';

const cy = await loadMessages('cy');
const none = () => {};
const DESK_KEY = { ...PUBLISHED_KEY, kid: 'desk-key-1' };
const relay: Settings = {
  ...DEFAULT_SETTINGS,
  apiAddress: 'https://relay.example.org/api/v2',
  relayToken: 'tok',
  relayDeviceId: 'd-1',
};

function render(node: preact.ComponentChildren, t: Messages = enGB, stories: StorySummary[] = []): string {
  const app = {
    state: { exportOffered: signal(false), settings: signal(DEFAULT_SETTINGS), stories: signal(stories) },
    ports: { settings: {}, device: {}, directory: {}, send: {}, story: {}, session: {}, errors: {} },
  } as unknown as AppContextValue;
  return renderToString(
    <AppContext.Provider value={app}>
      <TextContext.Provider value={t}>{node}</TextContext.Provider>
    </AppContext.Provider>,
  );
}

const fields = (draft: Settings, t: Messages = enGB) =>
  render(<DeliveryFields draft={draft} errors={{}} onUpdate={none} />, t);

describe('Settings → "How stories reach Care Opinion" (issue 27)', () => {
  it('offers the posting desk only through a relay whose desk key the iPad holds', () => {
    const words = enGB.settings.desk;
    expect(words).toBe('Send them to our organisation’s posting desk');
    expect(fields({ ...relay, relayDeskKey: DESK_KEY })).toContain(words);
    expect(fields({ ...relay, relayDeskKey: 'none' }), 'the relay has no desk').not.toContain(words);
    expect(fields({ ...relay, relayDeskKey: null }), 'not known yet').not.toContain(words);
    const direct = { ...DEFAULT_SETTINGS, apiAddress: 'https://www.careopinion.org.uk/api/v2', key: 'k' };
    expect(fields({ ...direct, relayDeskKey: DESK_KEY }), 'a direct key: no relay').not.toContain(words);
  });

  it('is a radio in the same group, checked when chosen, with what it means; still shown if the desk went away', () => {
    const html = fields({ ...relay, relayDeskKey: DESK_KEY, delivery: 'desk' });
    expect(html).toMatch(
      /<input type="radio" name="delivery" checked[^>]*\/?>Send them to our organisation’s posting desk/,
    );
    expect(html).toContain(enGB.settings.deskNote);
    expect(fields({ ...relay, relayDeskKey: 'none', delivery: 'desk' })).toContain(enGB.settings.desk);
  });

  it('in Welsh too', () => {
    expect(fields({ ...relay, relayDeskKey: DESK_KEY }, cy)).toContain(cy.settings.desk);
  });

  it('a desk key learnt while the form is open (the device’s own, same relay) offers it at once', () => {
    const app = {
      state: { settings: signal({ ...relay, relayDeskKey: DESK_KEY }), stories: signal([]) },
      ports: {},
    } as unknown as AppContextValue;
    const html = renderToString(
      <AppContext.Provider value={app}>
        <TextContext.Provider value={enGB}>
          <DeliveryFields draft={{ ...relay, relayDeskKey: null }} errors={{}} onUpdate={none} />
        </TextContext.Provider>
      </AppContext.Provider>,
    );
    expect(html).toContain(enGB.settings.desk);
  });
});

const row: StorySummary = {
  id: 's1',
  title: 'Kind staff on ward 7',
  state: 'at-desk',
  createdAt: 1,
  updatedAt: 1,
  services: [],
  postedOnBehalf: false,
  mayHaveArrived: false,
  editable: false,
};

describe('a story at the posting desk', () => {
  it('Home’s row says "At the posting desk"', () => {
    expect(render(<StoryRow story={row} />)).toContain(
      '<span class="state state-at-desk">At the posting desk</span>',
    );
    expect(render(<StoryRow story={row} />, cy)).toContain(cy.send.states['at-desk']);
  });

  it('withdrawing it says the desk drops it, with no take-down advice yet', async () => {
    const { ConfirmWithdraw } = await import('../../../src/ui/shared/ConfirmWithdraw.tsx');
    const html = render(<ConfirmWithdraw story={row} onCancel={none} />);
    expect(html).toContain('from the desk, so it is not posted');
    expect(html).not.toContain('Contact us');
  });

  it('its own panel says so, and where it is', () => {
    const panel = <QueuedPanel id="s1" state="at-desk" editable={false} justQueued={false} onEdited={none} />;
    const html = render(panel, enGB, [row]);
    expect(html).toContain('<h2 id="queued-title">At the posting desk</h2>');
    expect(html).toContain(enGB.story.atDeskNote);
    expect(html).not.toContain(enGB.story.queuedNote);
  });

  it('waiting to go there, in desk mode, its panel says it goes to the desk', () => {
    const app = {
      state: {
        exportOffered: signal(false),
        settings: signal({ ...relay, relayDeskKey: DESK_KEY, delivery: 'desk' as const }),
        stories: signal([{ ...row, state: 'queued' as const }]),
      },
      ports: { settings: {}, device: {}, directory: {}, send: {}, story: {}, session: {}, errors: {} },
    } as unknown as AppContextValue;
    const html = renderToString(
      <AppContext.Provider value={app}>
        <TextContext.Provider value={enGB}>
          <QueuedPanel id="s1" state="queued" editable={false} justQueued={false} onEdited={none} />
        </TextContext.Provider>
      </AppContext.Provider>,
    );
    expect(html).toContain('posting desk by itself');
    expect(
      render(<QueuedPanel id="s1" state="queued" editable={false} justQueued={false} onEdited={none} />),
    ).toContain('sent to Care Opinion by itself');
  });
});

describe('"Send now" while the desk holds a story', () => {
  const bar = (stories: StorySummary[]) => {
    const app = {
      state: {
        queue: signal({
          waiting: 0,
          sending: null,
          lastSentAt: null,
          paused: null,
          nextTryAt: null,
          problem: null,
        }),
        storyCounts: signal({ sentThisSession: null }),
        unsavedDrafts: signal(0),
        stories: signal(stories),
        settings: signal(DEFAULT_SETTINGS),
      },
      ports: { settings: {}, device: {}, directory: {}, send: {}, story: {}, session: {}, errors: {} },
    } as unknown as AppContextValue;
    return renderToString(
      <AppContext.Provider value={app}>
        <TextContext.Provider value={enGB}>
          <SendBar />
        </TextContext.Provider>
      </AppContext.Provider>,
    );
  };
  it('is enabled (it asks the desk what became of it), and disabled with nothing waiting anywhere', () => {
    expect(bar([row])).toContain('<button type="button">Send now</button>');
    expect(bar([])).toContain('<button type="button" disabled>Send now</button>');
  });
});
