import { describe, expect, it } from 'vitest';
import { closingSentences } from '../../../src/domain/send/closing.ts';
import type { QueueState } from '../../../src/domain/send/sendEntry.ts';
import { LAST_STEP, STEPS, stepIndex, storedStep } from '../../../src/domain/story/steps';
import { readDraft } from '../../../src/domain/story/story.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { loadMessages } from '../../../src/domain/words/index.ts';
import { closingWords } from '../../../src/domain/words/storyWords.ts';

const words = enGB.steps;
const introductionScript = words.introduce.script;
const closingScript = (services: string[] = [], byEmail = true, state: QueueState = 'queued') =>
  closingWords(closingSentences({ services, byEmail, state }), { services, region: 'uk' }, enGB).join(' ');
const consentScript = () => words.finish.consentScript;
const FOLLOW_UP_PROMPTS = words.story.prompts;
const STORY_QUESTIONS = words.story.questions;
const WHY_WE_ASK = words.whyWeAsk;

const settings = {
  staffName: 'Sam',
  staffRole: 'volunteer',
  organisation: 'City Hospital',
  serviceName: "Children's ward",
  focusTheme: 'discharge',
};

describe('steps', () => {
  it('are the five steps of the guide, in order: consent is given on the last one', () => {
    expect(STEPS.map((id) => words.titles[id])).toEqual([
      'Introduce',
      'The story',
      'Services',
      'About the storyteller',
      'Check and finish',
    ]);
    expect(STEPS.map((id) => stepIndex(id))).toEqual([0, 1, 2, 3, 4]);
    expect(LAST_STEP).toBe(4);
  });

  it.each([
    [0, 0],
    [3, 3],
    [4, 4], // a six-step draft left on Consent opens on the last step, where consent now is
    [5, 4], // …and one left on Check and finish too
    [17, 4],
    [-1, 0],
    [2.5, 0],
  ])('a stored draft left on step %d opens on step %d', (stored, opens) => {
    expect(storedStep(stored)).toBe(opens);
    expect(readDraft({ step: stored }).step).toBe(opens);
  });

  it('ask the questions with the interface words tests rely on', () => {
    expect(Object.values(STORY_QUESTIONS)).toEqual([
      'What was good?',
      'What could have been different?',
      'Anything else about what happened?',
      'What would you call this story?',
    ]);
  });
});

describe('introductionScript', () => {
  it('uses the staff name, role, service and focus theme', () => {
    const text = introductionScript(settings);
    expect(text).toContain("My name is Sam, and I'm a volunteer.");
    expect(text).toContain("I work with Children's ward.");
    expect(text).toContain('especially interested in discharge');
    expect(text).toContain('Care Opinion');
  });

  it.each([
    [{ staffRole: 'occupational therapist', staffName: 'Jo' }, "I'm an occupational therapist."],
    [{ staffName: 'Jo', organisation: 'City Hospital' }, 'My name is Jo. I work with City Hospital.'],
    [{}, 'Hello. We would like to hear'],
  ])('reads naturally with %j', (partial, words) => {
    const text = introductionScript(partial);
    expect(text).toContain(words);
    expect(text).not.toMatch(/undefined|null|\s{2}|<[a-z]/);
  });

  it('reads naturally in Welsh too', async () => {
    const cy = (await loadMessages('cy')).steps.introduce.script;
    expect(cy(settings)).toContain('Fy enw i yw Sam');
    expect(cy({})).toMatch(/^Helo\. /);
    expect(cy({})).not.toMatch(/undefined|null|\s{2}/);
  });

  it('leaves the theme out when none is set', () => {
    expect(introductionScript({ ...settings, focusTheme: '  ' })).not.toContain('especially interested');
  });
});

describe('guide texts', () => {
  it('offer open follow-up prompts', () => {
    expect(FOLLOW_UP_PROMPTS.length).toBeGreaterThanOrEqual(6);
  });

  it('show the guide’s follow-up as an example under "What was good", not as a script to read', () => {
    const hint = words.story.followUp.whatWasGood;
    expect(hint).toMatch(/^Follow up with an open question in your own words\. For example: “/);
    expect(hint).toContain(
      'You said you felt safe and well cared for, what was it that made you feel that way?',
    );
    expect(FOLLOW_UP_PROMPTS.join(' ')).not.toContain('felt safe and well cared for');
  });

  it.each([
    ['username', 'not your real name'],
    ['postcode', 'kept confidential'],
    ['email', 'when your story is published'],
    ['role', 'carer'],
  ] as const)('explain why we ask for the %s', (field, words) => {
    expect(WHY_WE_ASK[field]).toContain(words);
  });

  it('explain consent: public website, withdraw at any time', () => {
    const text = consentScript();
    expect(text).toContain('a public website: anyone can read it');
    expect(text).toContain('You can change your mind at any time');
  });

  it('close with thanks and what happens next', () => {
    const text = closingScript(['Orthopaedics — Abernant Royal Infirmary']);
    expect(text).toMatch(/^Thank you for sharing your story\./);
    expect(text).toContain('The staff at Orthopaedics — Abernant Royal Infirmary will be able to read it');
    expect(text).toContain('an email when it is published and when the service responds');
    expect(text).toContain('come back to Care Opinion at any time to respond, or to tell a new story');
    expect(closingScript()).not.toContain('The staff at');
  });

  it('are plain text, never markup', () => {
    const all = [
      introductionScript(settings),
      consentScript(),
      closingScript(['Ward 7'], false, 'queued'),
      ...FOLLOW_UP_PROMPTS,
      ...Object.values(WHY_WE_ASK),
    ];
    for (const text of all) expect(text).not.toMatch(/[<>]/);
  });
});
