// Issue 24, item 2: the guide's order. One readiness rule (a title, and text in at least one of the
// two questions or the narrative) and one body rule (the narrative exactly when there is one; only
// when it is empty, the two answers), the first words offered as a title, and old drafts read into
// the right fields.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQueueable, hasStoryText } from '../../../src/domain/story/sendReadiness.ts';
import { readDraft } from '../../../src/domain/story/story.ts';
import { bodyIsBuilt, bodyToSend, suggestedTitle } from '../../../src/domain/story/submissionBody.ts';
import { completeDraft, NOW } from './storyFixtures';
import { anyText } from './textArbitraries';

const ctx = { recordedByDefault: 'Sam', region: 'uk' as const, now: NOW };
const blank = fc.constantFrom('', ' ', '\n\t ', '\u00a0');
const answers = fc.record({ body: anyText, whatWasGood: anyText, whatCouldBeDifferent: anyText });

describe('bodyToSend: what Care Opinion receives as body', () => {
  it('is exactly the narrative (trimmed) whenever the narrative holds text', () => {
    fc.assert(
      fc.property(answers, (a) => {
        fc.pre(a.body.trim() !== '');
        expect(bodyToSend(a)).toBe(a.body.trim());
        expect(bodyIsBuilt(a)).toBe(false);
      }),
    );
  });

  it('with no narrative, is the answers given, in the guide’s order, nothing added', () => {
    fc.assert(
      fc.property(blank, anyText, anyText, (body, good, different) => {
        const built = bodyToSend({ body, whatWasGood: good, whatCouldBeDifferent: different });
        const given = [good.trim(), different.trim()].filter((x) => x !== '');
        expect(built).toBe(given.join('\n\n'));
        expect(bodyIsBuilt({ body, whatWasGood: good, whatCouldBeDifferent: different })).toBe(
          given.length > 0,
        );
      }),
    );
  });

  it('a story with only "What was good" and a title is sent, its body that answer', () => {
    const draft = completeDraft({ body: ' ', whatWasGood: ' The nurse stayed. ', whatCouldBeDifferent: '' });
    const result = checkQueueable(draft, ctx);
    expect(result.ok && [result.story.body, result.story.whatWasGood]).toEqual([
      'The nurse stayed.',
      'The nurse stayed.',
    ]);
  });

  it('keeps the narrative as the body when the answers are given too', () => {
    const draft = completeDraft({
      body: ' It was late. ',
      whatWasGood: 'Kind',
      whatCouldBeDifferent: 'Quicker',
    });
    const result = checkQueueable(draft, ctx);
    expect(result.ok && result.story).toMatchObject({
      body: 'It was late.',
      whatWasGood: 'Kind',
      whatCouldBeDifferent: 'Quicker',
    });
  });
});

describe('the readiness rule: some story text, and a title', () => {
  it('is ready for the story’s words exactly when one of the three holds text', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const some = [a.body, a.whatWasGood, a.whatCouldBeDifferent].some((x) => x.trim() !== '');
        expect(hasStoryText(a)).toBe(some);
        const result = checkQueueable(completeDraft(a), ctx);
        const fields = result.ok ? [] : result.missing.map((m) => m.field);
        expect(fields.includes('body')).toBe(!some);
      }),
    );
  });

  it.each([
    ['only what could have been different', { whatWasGood: '', whatCouldBeDifferent: 'Quicker' }],
    ['only what was good', { whatWasGood: 'Kind', whatCouldBeDifferent: '' }],
  ])('%s, no narrative: ready', (_, change) => {
    expect(checkQueueable(completeDraft({ body: '', ...change }), ctx).ok).toBe(true);
  });

  it('still needs a title', () => {
    const result = checkQueueable(completeDraft({ title: ' ', body: '', whatWasGood: 'Kind' }), ctx);
    expect(result.ok ? [] : result.missing.map((m) => m.field)).toEqual(['title']);
  });
});

describe('suggestedTitle: the first words offered as the title', () => {
  it('takes the first sentence of the first answer, at most eight words', () => {
    expect(
      suggestedTitle({
        whatWasGood: '  The night nurse sat with my dad for an hour and talked. Then…',
        whatCouldBeDifferent: 'x',
        body: 'y',
      }),
    ).toBe('The night nurse sat with my dad for');
    expect(
      suggestedTitle({ whatWasGood: ' ', whatCouldBeDifferent: '', body: 'Kind staff. Good food.' }),
    ).toBe('Kind staff');
    expect(suggestedTitle({ whatWasGood: '', whatCouldBeDifferent: '', body: ' ' })).toBe('');
  });

  it('is always words of the story, never more than eight', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const title = suggestedTitle(a);
        expect(title.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(8);
        const told = [a.whatWasGood, a.whatCouldBeDifferent, a.body].map((x) => x.split(/\s+/).join(' '));
        expect(title === '' || told.some((x) => x.includes(title))).toBe(true);
      }),
    );
  });
});

describe('old drafts', () => {
  it('a draft stored before the guide’s order keeps its text in the same fields: body is the narrative', () => {
    const old = {
      id: 'old1',
      title: 'Kind staff',
      body: 'They listened to us.',
      whatWasGood: '',
      whatCouldBeDifferent: '',
      step: 2,
    };
    const draft = readDraft(old);
    expect(draft).toMatchObject(old);
    const { title, body, whatWasGood, whatCouldBeDifferent } = draft;
    const result = checkQueueable(completeDraft({ title, body, whatWasGood, whatCouldBeDifferent }), ctx);
    expect(result.ok && result.story.body).toBe('They listened to us.');
  });

  it('a draft with only a body and no answers at all reads with empty answers', () => {
    const draft = readDraft({ id: 'old2', title: 'T', body: 'Only the story.' });
    expect([draft.body, draft.whatWasGood, draft.whatCouldBeDifferent]).toEqual(['Only the story.', '', '']);
  });
});
