import type { StepProblem } from '../../story/steps.ts';
import type { Role } from '../../story/story.ts';
import { format } from './common.ts';

/** Hand-over mode (the storyteller holds the iPad) and the idle lock's "Still there?" warning. */
export const handover = {
  handTo: 'Hand to the storyteller',
  giveBack: 'Give back to staff',
  title: 'Your story',
  intro:
    'Thank you for telling us about your experience. Take your time: everything you type is kept on this iPad as you go. Use Next and Back to move between the questions, and give the iPad back when you have finished.',
  giveBackTitle: 'Staff: type your PIN to take the iPad back',
  pinLabel: 'PIN',
  confirm: 'Return to staff',
  cancel: 'Keep going',
  checking: 'Checking the PIN…',
  stillThere: 'Still there?',
  idleWarning: (seconds: number) =>
    `To keep stories private, Story Collector locks in ${format.unit(seconds, 'second')}. Everything typed is kept.`,
  keepOpen: 'Keep open',
  // The story's own fields, said to the storyteller rather than to staff.
  usernameHint: 'Anything except your real name, like “rugbyfan33”. It is published with your story.',
  postcodeOffer: 'If you have no postcode, you can use the service’s postcode instead.',
  consentLabel: 'I give my consent for my story to be published on Care Opinion',
  /** The visible progress line: the mode's steps only (no Services step). */
  progress: (number: number, of: number) => `Question ${format.number(number)} of ${format.number(of)}`,
  whoLegend: 'Who is telling the story?',
  whoHint: 'Choose the one that fits you best.',
  /** "Who is telling the story" in the storyteller's words, by the stored code (no staff role). */
  roles: {
    patient: 'I am the patient or service user',
    carer: 'I am a carer',
    parent: 'I am a parent or guardian',
    relative: 'I am a relative',
    friend: 'I am a friend',
  } satisfies Record<Exclude<Role, 'staff-on-behalf'>, string>,
  /** Why Next stays on the step (domain/story/steps.ts StepProblem). */
  stepProblems: {
    'choose-who':
      'Choose who is telling the story: you, as the patient, a carer, a parent, a relative or a friend.',
  } satisfies Record<StepProblem, string>,
  noEmailNote:
    'A staff member will post your story for you. You will not get an email when it is published or answered.',
  noEmailReadBack: 'No email address',
  consentCleared:
    'Your consent was cleared because the story changed after you gave it. If you are still happy, tick the box again.',
  noConsentNoSending:
    'Your story is only sent with your consent. You can withdraw it at any time: ask a staff member, or contact Care Opinion after it is published.',
};
