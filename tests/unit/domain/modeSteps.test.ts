// Issue 24 item 5: hand-over mode's steps (no Services step: staff add services before or after), its
// "Question 2 of 4" count, and "Who is telling the story" as the storyteller's own, explicit choice.
import { describe, expect, it } from 'vitest';
import {
  type StepIndex,
  shownStep,
  stepAfter,
  stepBefore,
  stepIndex,
  stepProblem,
  stepProgress,
  stepsFor,
} from '../../../src/domain/story/steps.ts';
import { readDraft, STORYTELLER_ROLES } from '../../../src/domain/story/story.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { stepProblemText, storytellerRoleText } from '../../../src/domain/words/storyWords.ts';

const SERVICES = stepIndex('services');
const STORYTELLER = stepIndex('storyteller');

describe('the steps for the mode', () => {
  it('staff keep all five; hand-over mode leaves out Services', () => {
    expect(stepsFor('staff')).toEqual([0, 1, 2, 3, 4]);
    expect(stepsFor('handover')).toEqual([0, 1, 3, 4]);
    expect(stepsFor('handover')).not.toContain(SERVICES);
  });

  it.each([
    // step, mode, Back, Next
    [1, 'staff', 0, 2],
    [2, 'staff', 1, 3],
    [3, 'staff', 2, 4],
    [0, 'handover', null, 1],
    [1, 'handover', 0, 3],
    [3, 'handover', 1, 4],
    [4, 'handover', 3, null],
  ] as const)('from step %d in %s mode, Back goes to %s and Next to %s', (step, mode, back, next) => {
    expect(stepBefore(step, mode)).toBe(back);
    expect(stepAfter(step, mode)).toBe(next);
  });

  it('a story handed over on the Services step shows the next step of the mode', () => {
    expect(shownStep(SERVICES, 'handover')).toBe(STORYTELLER);
    expect(shownStep(SERVICES, 'staff')).toBe(SERVICES);
    for (const step of [0, 1, 3, 4] as StepIndex[]) expect(shownStep(step, 'handover')).toBe(step);
  });

  it('counts "Question N of 4" over the mode\'s steps', () => {
    const shown = ([0, 1, 2, 3, 4] as StepIndex[]).map((step) => stepProgress(step, 'handover'));
    expect(shown).toEqual([
      { number: 1, of: 4 },
      { number: 2, of: 4 },
      { number: 3, of: 4 }, // Services is shown as About you
      { number: 3, of: 4 },
      { number: 4, of: 4 },
    ]);
    expect(enGB.handover.progress(2, 4)).toBe('Question 2 of 4');
  });
});

describe('who is telling the story, in hand-over mode', () => {
  const author = (patch: object) => readDraft({ author: patch }).author;

  it('is never the default: Next waits for an explicit choice', () => {
    const fresh = readDraft({}).author;
    expect(fresh.role).toBe('patient'); // what staff mode shows and sends by default
    expect(stepProblem(fresh, STORYTELLER, 'handover')).toBe('choose-who');
    expect(stepProblem(fresh, STORYTELLER, 'staff')).toBeNull();
    expect(stepProblem(fresh, stepIndex('story'), 'handover')).toBeNull();
    expect(stepProblemText('choose-who', enGB)).toMatch(/^Choose who is telling the story/);
  });

  it('is never a staff role, even one staff chose before handing over', () => {
    const staff = author({ role: 'staff-on-behalf', roleChosen: true });
    expect(stepProblem(staff, STORYTELLER, 'handover')).toBe('choose-who');
    expect(storytellerRoleText(staff, enGB)).toBe('');
    expect(STORYTELLER_ROLES).not.toContain('staff-on-behalf');
  });

  it("maps the storyteller's words to the codes Care Opinion expects", () => {
    const chosen = STORYTELLER_ROLES.map((role) => author({ role, roleChosen: true }));
    for (const who of chosen) expect(stepProblem(who, STORYTELLER, 'handover')).toBeNull();
    expect(Object.fromEntries(chosen.map((who) => [who.role, storytellerRoleText(who, enGB)]))).toEqual({
      patient: 'I am the patient or service user',
      carer: 'I am a carer',
      parent: 'I am a parent or guardian',
      relative: 'I am a relative',
      friend: 'I am a friend',
    });
  });

  it('an old draft, with no choice recorded, reads as not chosen', () => {
    expect(readDraft({ author: { role: 'carer' } }).author.roleChosen).toBeUndefined();
    expect(readDraft({ author: { role: 'carer', roleChosen: 'yes' } }).author.roleChosen).toBeUndefined();
  });
});
