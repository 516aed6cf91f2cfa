// Hand-off in words: the website's field order, the story as its one box takes it, the paper form's
// order with personal data only when confirmed, where "Open Care Opinion" goes, and the mode rule.
import { describe, expect, it } from 'vitest';
import { checkInvitationLink } from '../../../src/domain/regions/regions.ts';
import { DEFAULT_SETTINGS, deliveryMode } from '../../../src/domain/settings/settings.ts';
import { handOffPage } from '../../../src/domain/story/handOff.ts';
import type { QueuedStory } from '../../../src/domain/story/submission.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { handOffFields, printFields } from '../../../src/domain/words/handOffWords.ts';

const STORY: QueuedStory = {
  title: 'Kind staff',
  body: 'They listened.',
  whatWasGood: 'Time.',
  healthservices: [{ nacs: 'A', name: 'Ward 1' }, { name: 'Clinic 2' }],
  author: { username: 'rugbyfan33', email: 'p@example.org', postcode: 'NG5 1PB', role: 'carer' },
  postedOnBehalf: false,
  consent: { publish: true, givenAt: '2026-12-01T10:00:00.000Z', recordedBy: 'Sam' },
  collectedAt: '2026-12-01T10:00:00.000Z',
  submissionRoute: 'assisted-offline-app',
};

describe('handOffFields', () => {
  it('lists every field in the website’s order, the story with what was good', () => {
    expect(handOffFields(STORY, enGB).map((f) => [f.label, f.value])).toEqual([
      ['Title', 'Kind staff'],
      ['Story', 'They listened.\n\nWhat was good: Time.'],
      ['Service 1', 'Ward 1'],
      ['Service 2', 'Clinic 2'],
      ['Who is telling the story', 'Carer'],
      ['Username', 'rugbyfan33'],
      ['Postcode', 'NG5 1PB'],
      ['Email address', 'p@example.org'],
    ]);
  });

  it('a story told only through the two questions is copied once: the answers, not the body built from them', () => {
    const answersOnly = {
      ...STORY,
      body: 'Time.\n\nQuicker.',
      whatWasGood: 'Time.',
      whatCouldBeDifferent: 'Quicker.',
    };
    expect(handOffFields(answersOnly, enGB).find((f) => f.key === 'story')?.value).toBe(
      'What was good: Time.\n\nWhat could have been different: Quicker.',
    );
  });

  it('leaves the email out for a story posted on behalf', () => {
    const onBehalf = { ...STORY, postedOnBehalf: true, author: { ...STORY.author, email: null } };
    expect(handOffFields(onBehalf, enGB).map((f) => f.key)).not.toContain('email');
  });
});

describe('printFields', () => {
  it('puts the services first, and personal data only when confirmed', () => {
    expect(printFields(STORY, false, enGB).map((f) => f.key)).toEqual([
      'service-0',
      'service-1',
      'title',
      'story',
      'role',
    ]);
    expect(
      printFields(STORY, true, enGB)
        .map((f) => f.key)
        .slice(-3),
    ).toEqual(['username', 'postcode', 'email']);
  });
});

describe('where stories go', () => {
  it('opens the invitation link, else the region’s own page', () => {
    expect(handOffPage({ invitationLink: '', region: 'au' })).toBe(
      'https://www.careopinion.org.au/tellyourstory',
    );
    expect(handOffPage({ invitationLink: 'https://www.careopinion.ie/x/abc', region: 'uk' })).toBe(
      'https://www.careopinion.ie/x/abc',
    );
  });

  it('posts by hand when chosen, and always without an API address', () => {
    expect(deliveryMode(DEFAULT_SETTINGS)).toBe('by-hand');
    expect(deliveryMode({ apiAddress: 'https://relay.example.org/api/v2', delivery: 'automatic' })).toBe(
      'automatic',
    );
    expect(deliveryMode({ apiAddress: 'https://relay.example.org/api/v2', delivery: 'by-hand' })).toBe(
      'by-hand',
    );
  });

  it('takes an invitation link only on a Care Opinion site, over https', () => {
    expect(checkInvitationLink('https://www.careopinion.org.uk/tellyourstory?invite=abc').ok).toBe(true);
    for (const bad of [
      'http://www.careopinion.org.uk/x',
      'https://evil-careopinion.org.uk/x',
      'careopinion',
      '',
    ])
      expect(checkInvitationLink(bad).ok).toBe(false);
  });
});
