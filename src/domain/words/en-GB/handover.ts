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
};
