// The story screen's words: opening a story, moving through it, saving, what is still needed before
// sending, the read-back, the word count, and where a queued, sent or withdrawn story stands.
import type { FieldLabel } from '../../../send/fieldErrors.ts';
import { format } from '../common.ts';

/** "1 Dec, 10:42": when a receipt was recorded. */
const shortTime = (ms: number) => format.dayTime(ms);

const quote = (sentId: string | undefined) => (sentId ? ` Quote story number ${sentId}.` : '');

export const story = {
  screenTitle: 'Telling a story',
  home: 'Home',
  opening: 'Opening the story from this device…',
  unreadable: "This story can't be opened on this device. It is kept as it is until it is withdrawn.",
  notOpened: 'This story could not be opened from this device’s storage. Go back to Home and try again.',
  notHere: 'This story is not on this device. It may have been withdrawn.',
  untitled: 'Untitled story',

  stepsLabel: 'Steps of the story',
  /** The compact header's step button, opening the list of steps: "2 of 5 · The story". */
  stepOf: (n: number, total: number, step: string) => `${n} of ${total} · ${step}`,
  /** The story header's menu (only "Lock" is in it). */
  more: 'More',
  back: 'Back',
  next: 'Next',
  usernameBlocksNext: 'Choose a different username to go on: Care Opinion will not publish this one.',

  saved: 'Saved on this device',
  saving: 'Saving…',
  notSaved: 'Not saved yet.',
  storageFull:
    'The device’s storage is full. Free some space (delete photos or apps), and keep this screen open.',
  storageStopped: 'The device’s storage stopped answering for a moment.',
  writeRefused: 'The device did not accept the write.',
  retrying: 'The text stays on screen and saving is tried again every few seconds.',

  words: (n: number) => format.plural(n, { one: '{n} word', other: '{n} words' }),
  overLimit: (limit: number, words: number) =>
    `Care Opinion asks for ${format.number(limit)} words or fewer — this story has ${format.number(words)}. Nothing will be cut.`,

  stillNeeded: 'Still needed before sending',
  goTo: (step: string) => `Go to ${step}`,
  missing: {
    title: 'Ask what they would call this story — the answer becomes its title.',
    body: 'Ask what was good, what could have been different, or anything else about what happened — at least one answer is the story.',
    services: 'Choose at least one service the story is about.',
    username:
      "Ask the storyteller to choose a username — anything except their real name, like 'rugbyfan33'.",
    consent: 'Ask for consent to publish on Care Opinion.',
    consentTime: 'Ask for consent again: the time it was given was not recorded.',
    consentBy: 'Type your name beside consent: it records who took it.',
    story: 'Something in this story could not be checked. Go back through the steps and look again.',
    /** `name`: the field's worded name (`story.fields`), never its key. */
    notAccepted: (name: string) => `Check this answer again: “${name}” was not accepted.`,
  },

  /** Each answer's name, for the read-back and for what Care Opinion refused (fieldErrors.ts). */
  fields: {
    focusTheme: 'Focus theme',
    title: 'What would you call this story',
    body: 'What happened',
    whatWasGood: 'What was good',
    whatCouldBeDifferent: 'What could have been different',
    services: 'Services',
    author: 'About the storyteller',
    username: 'Username',
    email: 'Email address',
    postcode: 'Postcode',
    role: 'Who is telling the story',
    ageGroup: 'Age group',
    postedOnBehalf: 'Posted on behalf',
    consent: 'Consent',
    consentPublish: 'Consent to publish',
    consentGivenAt: 'When consent was given',
    consentRecordedBy: 'Who recorded consent',
    anywhere: 'The story as a whole',
  } satisfies Record<FieldLabel, string>,
  notGivenYet: 'Not given yet',
  /** Under the read-back's "What happened" when there is no narrative: Care Opinion's story is the answers. */
  bodyFromAnswers:
    'Nothing else was told, so Care Opinion receives the answers above as the story, as they are.',
  noFocusTheme: 'No focus theme',
  notGiven: 'Not given',
  noEmailOnBehalf: 'No email address (posted on behalf)',
  /** What the stored default "Staff member" (sent to Care Opinion as it is) reads as on screen. */
  staffMember: 'Staff member',

  queuedNote: 'The story is kept on this device and sent to Care Opinion by itself when there is a signal.',
  /** Issue 27: waiting to go to the posting desk (desk mode), and while the desk holds it. */
  queuedForDeskNote:
    'The story is kept on this device and sent, sealed, to your organisation’s posting desk by itself when there is a signal.',
  atDeskNote:
    'The story is sealed at your organisation’s posting desk, where your Care Opinion lead will post it. This device keeps it until then.',
  editStory: 'Edit story',
  notAccepted: 'Care Opinion did not accept this story.',
  nothingPublished: 'Nothing has been published.',
  /** A refused field the server said nothing more about. */
  pleaseCheck: 'Please check this',
  fixIn: (step: string) => `Fix in “${step}”`,
  checkTheStory: 'Check the story',
  receipt: (byHand: boolean, at: number, sentId: string | undefined) =>
    `${byHand ? `Posted by hand on Care Opinion’s website, recorded on ${shortTime(at)}` : `Received by Care Opinion on ${shortTime(at)}`}${sentId ? ` (${byHand ? 'story number' : 'reference'} ${sentId})` : ''}. The story’s text and the storyteller’s details have been deleted from this device.`,
  sandboxLink: 'See what the sandbox Care Opinion received',

  /** `site`: the region's Care Opinion site by name, from regions.ts (siteName). */
  withdrawnNote: (mayHaveArrived: boolean, sentId: string | undefined, site: string) =>
    mayHaveArrived
      ? `Withdrawn: deleted from this device, but it may have reached Care Opinion. To take it down there, contact Care Opinion (${site}, "Contact us").${quote(sentId)}`
      : 'Withdrawn: deleted from this device.',
  withdrawAgain:
    'This story was already withdrawn: only a short receipt is left. Deleting removes the receipt too.',
  withdrawAtDesk:
    'This story is waiting at your organisation’s posting desk. Deleting removes it from this device and from the desk, so it is not posted. If your Care Opinion lead has posted it already, this device will say how to ask Care Opinion to take it down.',
  withdrawUnsent:
    'This deletes the story from this device. It has not been sent, so Care Opinion never sees it.',
  withdrawMayHaveArrived:
    'This story may already have arrived at Care Opinion. Deleting removes everything this device holds and keeps a short receipt saying so.',
  takeDown: (sentId: string | undefined, site: string) =>
    `To take it down from Care Opinion, contact Care Opinion (${site}, "Contact us") and ask them to withdraw it.${quote(sentId)}`,
};
