// The closing words (issue 24, item 4): which sentences apply is one rule, and the catalogues word
// them: the story's own services, exactly one of email / no email, moderation, and "not left this
// iPad" while the story is still here.
import { describe, expect, it } from 'vitest';
import { type ClosingFacts, closingSentences, nextSentences } from '../../../src/domain/send/closing.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { loadMessages } from '../../../src/domain/words/index.ts';
import { closingWords } from '../../../src/domain/words/storyWords.ts';

const facts = (over: Partial<ClosingFacts> = {}): ClosingFacts => ({
  services: ['Orthopaedics — Abernant Royal Infirmary'],
  byEmail: true,
  state: 'queued',
  ...over,
});

describe('the closing rule', () => {
  it('says exactly one of email or no email', () => {
    for (const byEmail of [true, false]) {
      const said = closingSentences(facts({ byEmail }));
      expect(said.filter((s) => s === 'email' || s === 'no-email')).toEqual([byEmail ? 'email' : 'no-email']);
    }
  });

  it('always says the moderators read it first', () => {
    for (const state of ['queued', 'sending', 'sent', 'ready-to-post', 'needs-attention'] as const)
      expect(closingSentences(facts({ state }))).toContain('moderated');
  });

  it('says it will be sent once back online only while it has not left the iPad', () => {
    expect(closingSentences(facts({ state: 'queued' }))).toContain('on-device');
    expect(closingSentences(facts({ state: 'sending' }))).toContain('on-device');
    expect(closingSentences(facts({ state: 'sent' }))).not.toContain('on-device');
    expect(closingSentences(facts({ state: 'ready-to-post' }))).toEqual(expect.arrayContaining(['by-hand']));
    expect(closingSentences(facts({ state: 'ready-to-post' }))).not.toContain('on-device');
  });

  it('names the services only when the story has some; the card says the same next steps', () => {
    expect(closingSentences(facts())).toEqual([
      'thanks',
      'services',
      'on-device',
      'moderated',
      'email',
      'come-back',
    ]);
    expect(closingSentences(facts({ services: [' '] }))).not.toContain('services');
    expect(nextSentences(facts())).toEqual(['on-device', 'moderated', 'email']);
  });
});

describe('the closing words', () => {
  it('name the story’s own services with their places, in either language', async () => {
    const f = facts({ services: ['Orthopaedics — Abernant Royal Infirmary', 'Oak Ward — Kingsmere'] });
    const about = { services: f.services, region: 'uk' as const };
    const en = closingWords(closingSentences(f), about, enGB).join(' ');
    expect(en).toContain(
      'The staff at Orthopaedics — Abernant Royal Infirmary, Oak Ward — Kingsmere will be able to read it and reply.',
    );
    expect(en).toContain('You’ll get an email when it is published and when the service responds.');
    expect(en).not.toContain('If you gave an email');
    const cy = closingWords(closingSentences(f), about, await loadMessages('cy')).join(' ');
    expect(cy).toContain('Bydd staff Orthopaedics — Abernant Royal Infirmary');
  });

  it('without email, say how to find the story on the region’s own site, and no email', () => {
    const f = facts({ byEmail: false, state: 'sent' });
    const en = closingWords(closingSentences(f), { services: f.services, region: 'ie' }, enGB).join(' ');
    expect(en).toContain('You won’t get emails: here is how to find your story.');
    expect(en).toContain('look for your username on careopinion.ie');
    expect(en).not.toMatch(/get an email|back online/);
  });
});
