// The storyteller's card: worded for "email" or "no email", the region's own Care Opinion site with a
// QR code of it, in either language, and never the email address or postcode.
import { renderToString } from 'preact-render-to-string';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { enGB, loadMessages, type Messages } from '../../../src/domain/words/index.ts';
import { TextContext } from '../../../src/ui/shared/text.ts';
import { QrCode } from '../../../src/ui/story/queued/QrCode.tsx';
import { cardDetails, StorytellerCard } from '../../../src/ui/story/StorytellerCard.tsx';
import { completeDraft, NOW } from '../domain/storyFixtures.ts';

const render = (card: ReturnType<typeof cardDetails>, messages: Messages = enGB) =>
  renderToString(
    <TextContext.Provider value={messages}>
      <StorytellerCard card={card} />
    </TextContext.Provider>,
  );

describe("the storyteller's card", () => {
  it('shows the username, the date and the services, never the email address or postcode', () => {
    const draft = completeDraft();
    const card = cardDetails(draft, 'uk', NOW.getTime());
    expect(JSON.stringify(card)).not.toMatch(/example\.org|ng5|1pb/i);
    const html = render(card);
    for (const words of ['rugbyfan33', '24 November 2026', "Children's ward, City Hospital"])
      expect(html).toContain(words);
    expect(html).not.toMatch(/person@|example\.org|NG5|1PB/i);
    expect(html).toContain('You will get an email when it is published');
  });

  it('says what happens next without email when there is none', () => {
    const draft = completeDraft({ author: { ...completeDraft().author, email: '', noEmail: true } });
    const html = render(cardDetails(draft, 'uk', NOW.getTime()));
    expect(html).toContain('You will not get emails about it');
    expect(html).not.toContain('You will get an email');
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
