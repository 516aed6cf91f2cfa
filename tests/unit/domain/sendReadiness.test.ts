import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQueueable, type MissingField } from '../../../src/domain/story/sendReadiness.ts';
import { type Draft, DraftSchema } from '../../../src/domain/story/story';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { missingText } from '../../../src/domain/words/fieldWords.ts';
import { anyDraft, completeDraft, NOW } from './storyFixtures';

const ctx = { recordedByDefault: 'Sam, volunteer', region: 'uk' as const, now: NOW };

describe('checkQueueable: a complete draft', () => {
  it('becomes the POST /opinions body, trimmed, with the optional empties left out', () => {
    expect(checkQueueable(completeDraft(), ctx)).toEqual({
      ok: true,
      story: {
        title: "Kind staff on the children's ward",
        body: 'They listened.',
        whatWasGood: 'Everything',
        healthservices: [{ nacs: 'RX1RA', name: "Children's ward, City Hospital" }],
        author: { username: 'rugbyfan33', email: 'person@example.org', postcode: 'NG5 1PB', role: 'patient' },
        postedOnBehalf: false,
        consent: { publish: true, givenAt: '2026-11-24T10:40:00.000Z', recordedBy: 'Sam, volunteer' },
        collectedAt: '2026-11-24T10:30:00.000Z',
        submissionRoute: 'assisted-offline-app',
      },
    });
  });

  it('does not change the draft itself (trimmed in the queued copy only)', () => {
    const draft = completeDraft();
    const before = structuredClone(draft);
    checkQueueable(draft, ctx);
    expect(draft).toEqual(before);
  });

  it('with "No email address" the story is posted on behalf with a null email', () => {
    const draft = completeDraft();
    const result = checkQueueable(
      { ...draft, author: { ...draft.author, email: 'typed anyway', noEmail: true } },
      ctx,
    );
    expect(result.ok && result.story.author.email).toBe(null);
    expect(result.ok && result.story.postedOnBehalf).toBe(true);
  });

  it.each([
    ['the draft says who recorded consent', 'Alex', 'Sam', 'Alex'],
    ['settings name the staff member', undefined, 'Sam', 'Sam'],
    ['the session names the person collecting', undefined, 'Sam', 'Sam'],
    ['an older story recorded the old stand-in', 'Staff member', '', 'Staff member'],
  ])('consent.recordedBy when %s', (_, recordedBy, staffName, expected) => {
    const draft = completeDraft();
    const consent = { ...draft.consent, ...(recordedBy ? { recordedBy } : {}) };
    const result = checkQueueable({ ...draft, consent }, { ...ctx, recordedByDefault: staffName });
    expect(result.ok && result.story.consent.recordedBy).toBe(expected);
  });

  it('consent always records the person collecting: with no name at all it is still needed, never "Staff member"', () => {
    const draft = completeDraft();
    const consent = { publish: true, givenAt: draft.consent.givenAt };
    const result = checkQueueable({ ...draft, consent }, { ...ctx, recordedByDefault: '  ' });
    expect(result).toEqual({
      ok: false,
      missing: [{ field: 'consent', problem: { code: 'consentBy' }, step: 4 }],
    });
    expect(missingText({ code: 'consentBy' }, enGB)).toBe(
      'Type your name beside consent: it records who took it.',
    );
  });

  it('uses now when the consent time is missing, and the consent time when collectedAt is', () => {
    const draft = completeDraft({ consent: { publish: true }, collectedAt: undefined });
    const result = checkQueueable(draft, ctx);
    expect(result.ok && [result.story.consent.givenAt, result.story.collectedAt]).toEqual([
      '2026-11-24T10:42:00.000Z',
      '2026-11-24T10:42:00.000Z',
    ]);
  });

  it('sends hand-typed services by name only, blank ones dropped, duplicates once', () => {
    const services = [
      { nacs: 'RX1RA', name: ' Ward 1 ' },
      { nacs: 'RX1RA', name: 'Ward 1 again' },
      { nacs: 'IGNORED', name: ' Ward 9 ', typedByHand: true },
      { name: '   ' },
    ];
    const result = checkQueueable(completeDraft({ services }), ctx);
    expect(result.ok && result.story.healthservices).toEqual([
      { nacs: 'RX1RA', name: 'Ward 1' },
      { name: 'Ward 9' },
    ]);
  });

  it('checks the postcode for the region and sends it tidy', () => {
    const draft = completeDraft();
    const result = checkQueueable(
      { ...draft, author: { ...draft.author, postcode: 'd02x285' } },
      { ...ctx, region: 'ie' },
    );
    expect(result.ok && result.story.author.postcode).toBe('D02 X285');
  });
});

describe('checkQueueable: what is missing', () => {
  const author = completeDraft().author;
  it.each<[string, Partial<Draft>, MissingField, number, string]>([
    [
      'no title',
      { title: '  ' },
      'title',
      1,
      'Ask what they would call this story — the answer becomes its title.',
    ],
    [
      'no answer to either question and no narrative',
      { body: '', whatWasGood: ' ', whatCouldBeDifferent: '' },
      'body',
      1,
      'Ask what was good, what could have been different, or anything else about what happened',
    ],
    ['no service', { services: [] }, 'services', 2, 'Choose at least one service the story is about.'],
    [
      'no username',
      { author: { ...author, username: ' ' } },
      'author.username',
      3,
      'Ask the storyteller to choose a username',
    ],
    [
      'an offensive username',
      { author: { ...author, username: 'fuckface' } },
      'author.username',
      3,
      'Care Opinion will not publish',
    ],
    [
      'no postcode',
      { author: { ...author, postcode: '' } },
      'author.postcode',
      3,
      'A UK postcode looks like NG5 1PB',
    ],
    [
      'a wrong postcode',
      { author: { ...author, postcode: '2000' } },
      'author.postcode',
      3,
      "This postcode doesn't look right.",
    ],
    [
      'no email',
      { author: { ...author, email: '' } },
      'author.email',
      3,
      'Ask for an email address, or tick "No email address".',
    ],
    ['a wrong email', { author: { ...author, email: 'person@' } }, 'author.email', 3, 'name@example.org'],
    [
      'no consent',
      { consent: { publish: false } },
      'consent',
      4,
      'Ask for consent to publish on Care Opinion.',
    ],
  ])('%s', (_, change, field, step, words) => {
    const result = checkQueueable(completeDraft(change), ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.missing).toHaveLength(1);
    expect(result.missing[0]).toMatchObject({ field, step });
    const first = result.missing[0];
    expect(first && missingText(first.problem, enGB)).toContain(words);
  });

  it('lists everything for an empty draft, in step order', () => {
    const result = checkQueueable(DraftSchema.parse({}), ctx);
    expect(result.ok ? [] : result.missing.map((m) => [m.field, m.step])).toEqual([
      ['body', 1],
      ['title', 1],
      ['services', 2],
      ['author.username', 3],
      ['author.postcode', 3],
      ['author.email', 3],
      ['consent', 4],
    ]);
  });

  it('username warnings do not stop queueing; only offensive words do', () => {
    const result = checkQueueable(completeDraft({ author: { ...author, username: 'happy jane 1964' } }), ctx);
    expect(result.ok).toBe(true);
  });

  it('asks for consent again when the time it was given is unknown', () => {
    const result = checkQueueable(completeDraft({ consent: { publish: true, givenAt: 'garbled' } }), {
      ...ctx,
      now: undefined,
    });
    expect(result.ok ? null : result.missing).toEqual([
      { field: 'consent', step: 4, problem: { code: 'consentTime' } },
    ]);
    expect(missingText({ code: 'consentTime' }, enGB)).toBe(
      'Ask for consent again: the time it was given was not recorded.',
    );
  });
});

describe('checkQueueable properties', () => {
  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), anyDraft), (value) => {
        const result = checkQueueable(value as Draft, ctx);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('a story without consent is never queueable', () => {
    fc.assert(
      fc.property(anyDraft, (draft) => {
        const result = checkQueueable({ ...draft, consent: { ...draft.consent, publish: false } }, ctx);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.missing.map((m) => m.field)).toContain('consent');
      }),
      { numRuns: 500 },
    );
  });

  it('every queued story has a null email exactly when it is posted on behalf, and consent', () => {
    const drafts = fc.oneof(
      anyDraft,
      anyDraft.map((d) => completeDraft({ author: d.author, consent: { publish: true } })),
    );
    let queued = 0;
    fc.assert(
      fc.property(drafts, (draft) => {
        const result = checkQueueable(draft, ctx);
        if (!result.ok) return;
        queued++;
        expect(result.story.author.email === null).toBe(result.story.postedOnBehalf);
        expect(result.story.postedOnBehalf).toBe(draft.author.noEmail);
        expect(result.story.consent.publish).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(queued).toBeGreaterThan(20);
  });
});
