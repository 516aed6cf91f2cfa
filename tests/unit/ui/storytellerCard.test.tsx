// The storyteller's card: worded for "email" or "no email", the region's own Care Opinion site with a
// QR code of it, in either language, and never the email address or postcode.
import { renderToString } from 'preact-render-to-string';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import type { QueueState } from '../../../src/domain/send/sendEntry.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { loadMessages, type Messages } from '../../../src/domain/words/index.ts';
import { TextContext } from '../../../src/ui/shared/text.ts';
import { QrCode } from '../../../src/ui/story/queued/QrCode.tsx';
import { cardDetails, StorytellerCard } from '../../../src/ui/story/StorytellerCard.tsx';
import { completeDraft, NOW } from '../domain/storyFixtures.ts';

const render = (
  card: ReturnType<typeof cardDetails>,
  messages: Messages = enGB,
  state: QueueState = 'queued',
) =>
  renderToString(
    <TextContext.Provider value={messages}>
      <StorytellerCard card={card} state={state} />
    </TextContext.Provider>,
  );
/** The card's text, apostrophes as typed. */
const textOf = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&#x27;|&#39;|’/g, "'");

describe("the storyteller's card", () => {
  it('shows the username, the date and the services, never the email address or postcode', () => {
    const draft = completeDraft();
    const card = cardDetails(draft, 'uk', NOW.getTime());
    expect(JSON.stringify(card)).not.toMatch(/example\.org|ng5|1pb/i);
    const html = render(card);
    for (const words of ['rugbyfan33', '24 November 2026', "Children's ward, City Hospital"])
      expect(html).toContain(words);
    expect(html).not.toMatch(/person@|example\.org|NG5|1PB/i);
    expect(textOf(html)).toContain("You'll get an email when it is published and when the service responds");
  });

  it('says what happens next without email when there is none, and never that an email will come', () => {
    const draft = completeDraft({ author: { ...completeDraft().author, email: '', noEmail: true } });
    const text = textOf(render(cardDetails(draft, 'uk', NOW.getTime())));
    expect(text).toContain("You won't get emails: here is how to find your story");
    expect(text).toContain('look for your username on careopinion.org.uk');
    expect(text).not.toMatch(/get an email|You will get/);
  });

  it('names each service with its place', () => {
    const services = [{ nacs: 'R5FRB06', name: 'Orthopaedics', place: 'Abernant Royal Infirmary' }];
    const text = textOf(render(cardDetails(completeDraft({ services }), 'uk', NOW.getTime())));
    expect(text).toContain('Orthopaedics — Abernant Royal Infirmary');
  });

  it('says a story still on this iPad will be sent when it is back online, and not once it is sent', () => {
    const card = cardDetails(completeDraft(), 'uk', NOW.getTime());
    const queued = textOf(render(card, enGB, 'queued'));
    expect(queued).toContain('it will be sent when this iPad is back online');
    expect(queued).toContain("read by Care Opinion's moderators before they are published");
    expect(queued).not.toMatch(/added to Care Opinion soon/);
    const sent = textOf(render(card, enGB, 'sent'));
    expect(sent).not.toContain('back online');
    expect(sent).toContain("read by Care Opinion's moderators before they are published");
  });

  it.each([
    ['uk', 'www.careopinion.org.uk'],
    ['ie', 'www.careopinion.ie'],
    ['au', 'www.careopinion.org.au'],
    ['ca', 'www.careopinion.ca'],
  ] as const)('withdrawal is on the region’s own site (%s → %s), with a QR code of it', (region, host) => {
    const html = render(cardDetails(completeDraft(), region, NOW.getTime()));
    expect(html).toContain(`Go to ${host} (scan the code)`);
    expect(html).toMatch(new RegExp(`<svg[^>]*role="img"[^>]*aria-label="QR code for ${host}"`));
    expect(html).toMatch(/<path d="(M\d+,\d+h(\d+)v1h-\2z)+"/);
  });

  it('is in Welsh when Welsh is chosen', async () => {
    const html = render(cardDetails(completeDraft(), 'uk', NOW.getTime()), await loadMessages('cy'));
    expect(html).toContain('Cerdyn eich stori');
    expect(html).toContain('24 Tachwedd 2026');
    // A UK card in Welsh points to Care Opinion's Welsh address, with its QR code.
    expect(html).toContain('Ewch i www.careopinion.cymru');
    expect(html).toContain('aria-label="Cod QR ar gyfer www.careopinion.cymru"');
  });

  it('draws exactly the dark modules uqr computed, row by row', () => {
    const value = 'https://www.careopinion.org.uk/';
    const html = renderToString(<QrCode value={value} label="QR" />);
    const drawn = new Set<string>();
    for (const [, x, y, w] of html.matchAll(/M(\d+),(\d+)h(\d+)v1h-\3z/g))
      for (let i = 0; i < Number(w); i++) drawn.add(`${Number(x) + i},${y}`);
    const dark = encode(value, { border: 2 }).data.flatMap((row, y) =>
      row.flatMap((on, x) => (on ? [`${x},${y}`] : [])),
    );
    expect(drawn).toEqual(new Set(dark));
  });
});
