import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DraftSchema, newDraft, readDraft } from '../../../src/domain/story/story';
import { QueuedStorySchema } from '../../../src/domain/story/submission.ts';
import { NOW } from './storyFixtures';
import { anyText } from './textArbitraries';

const EMPTY = {
  title: '',
  body: '',
  whatWasGood: '',
  whatCouldBeDifferent: '',
  services: [],
  author: { username: '', email: '', noEmail: false, postcode: '', role: 'patient' },
  consent: { publish: false },
  step: 0,
};

describe('DraftSchema', () => {
  it('reads an empty or old draft with defaults', () => {
    expect(DraftSchema.parse({})).toEqual(EMPTY);
    expect(DraftSchema.parse({ id: 'a', title: 'Old', author: { username: 'x' } })).toEqual({
      ...EMPTY,
      id: 'a',
      title: 'Old',
      author: { ...EMPTY.author, username: 'x' },
    });
  });

  it.each([
    ['a damaged step', { step: 'nine' }, { step: 0 }],
    ['a step past the end (an older, six-step draft)', { step: 9 }, { step: 4 }],
    ['a title that is not text', { title: 42 }, { title: '' }],
    ['an unknown role', { author: { role: 'doctor' } }, { author: EMPTY.author }],
    ['services that are not a list', { services: 'ward' }, { services: [] }],
    ['consent that is not an object', { consent: 'yes' }, { consent: { publish: false } }],
  ])('falls back field by field on %s', (_, input, expected) => {
    expect(DraftSchema.parse(input)).toEqual({ ...EMPTY, ...expected });
  });

  it('keeps a service typed by hand and its extra fields', () => {
    const draft = DraftSchema.parse({
      services: [{ name: 'Ward 9', typedByHand: true, postcode: 'NG5 1PB' }],
    });
    expect(draft.services).toEqual([{ name: 'Ward 9', typedByHand: true, postcode: 'NG5 1PB' }]);
  });

  it('keeps text exactly as typed: spaces, emoji, markup', () => {
    const fields = fc.record({
      title: anyText,
      body: fc.oneof(
        anyText,
        fc.constantFrom('  <script>alert(1)</script>  ', ' 😀 café\n\n', '**bold** _x_'),
      ),
      whatWasGood: anyText,
      whatCouldBeDifferent: anyText,
      username: anyText,
      email: anyText,
      postcode: anyText,
      service: anyText,
    });
    fc.assert(
      fc.property(fields, (f) => {
        const draft = DraftSchema.parse({
          title: f.title,
          body: f.body,
          whatWasGood: f.whatWasGood,
          whatCouldBeDifferent: f.whatCouldBeDifferent,
          services: [{ name: f.service }],
          author: { username: f.username, email: f.email, postcode: f.postcode },
        });
        expect([draft.title, draft.body, draft.whatWasGood, draft.whatCouldBeDifferent]).toEqual([
          f.title,
          f.body,
          f.whatWasGood,
          f.whatCouldBeDifferent,
        ]);
        expect([draft.author.username, draft.author.email, draft.author.postcode]).toEqual([
          f.username,
          f.email,
          f.postcode,
        ]);
        expect(draft.services[0]?.name).toBe(f.service);
        expect(DraftSchema.parse(draft)).toEqual(draft);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on anything, and reads any object as a draft', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = DraftSchema.safeParse(value);
        if (typeof value === 'object' && value !== null && !Array.isArray(value))
          expect(result.success).toBe(true);
        expect(readDraft(value).step).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('newDraft', () => {
  it('starts with role patient, collected now, on the first step', () => {
    expect(newDraft('id-1', NOW)).toEqual({ ...EMPTY, id: 'id-1', collectedAt: '2026-11-24T10:42:00.000Z' });
  });

  it('takes the focus theme and role from settings', () => {
    const draft = newDraft('id-2', NOW.getTime(), { focusTheme: ' Discharge ', role: 'carer' });
    expect(draft.focusTheme).toBe('Discharge');
    expect(draft.author.role).toBe('carer');
    expect(newDraft('id-3', NOW, { focusTheme: '  ' }).focusTheme).toBeUndefined();
  });
});

describe('QueuedStorySchema', () => {
  const body = {
    title: 'Kind staff on the children’s ward',
    body: 'What happened',
    whatWasGood: 'optional',
    whatCouldBeDifferent: 'optional',
    healthservices: [{ nacs: 'RX1RA', name: "Children's ward, City Hospital" }],
    author: {
      username: 'rugbyfan33',
      email: 'person@example.org',
      postcode: 'NG5 1PB',
      role: 'patient',
      ageGroup: '35-44',
    },
    postedOnBehalf: false,
    consent: { publish: true, givenAt: '2026-11-24T10:42:00Z', recordedBy: 'Sam, volunteer' },
    focusTheme: 'optional',
    collectedAt: '2026-11-24T10:30:00Z',
    submissionRoute: 'assisted-offline-app',
  };

  it('accepts the example body from API.md', () => {
    expect(QueuedStorySchema.parse(body)).toEqual(body);
  });

  it.each<[string, (b: typeof body) => unknown]>([
    ['no consent', (b) => ({ ...b, consent: { ...b.consent, publish: false } })],
    ['no services', (b) => ({ ...b, healthservices: [] })],
    ['a blank title', (b) => ({ ...b, title: '   ' })],
    ['a null email without postedOnBehalf', (b) => ({ ...b, author: { ...b.author, email: null } })],
    ['an email with postedOnBehalf', (b) => ({ ...b, postedOnBehalf: true })],
    ['another submission route', (b) => ({ ...b, submissionRoute: 'website' })],
    ['a field the contract does not name', (b) => ({ ...b, author: { ...b.author, noEmail: false } })],
    ['an unknown role', (b) => ({ ...b, author: { ...b.author, role: 'doctor' } })],
    ['an invalid postcode', (b) => ({ ...b, author: { ...b.author, postcode: 'nowhere' } })],
    ['a consent time that is not ISO', (b) => ({ ...b, consent: { ...b.consent, givenAt: 'yesterday' } })],
  ])('refuses %s', (_, change) => {
    expect(QueuedStorySchema.safeParse(change(body)).success).toBe(false);
  });

  it('accepts a story posted on behalf with a null email, and a hand-typed service', () => {
    const onBehalf = {
      ...body,
      postedOnBehalf: true,
      author: { ...body.author, email: null },
      healthservices: [{ name: 'Ward 9' }],
    };
    expect(QueuedStorySchema.parse(onBehalf)).toEqual(onBehalf);
  });

  it('trims strings', () => {
    expect(QueuedStorySchema.parse({ ...body, title: '  Title  ' }).title).toBe('Title');
  });
});
