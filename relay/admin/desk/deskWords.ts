// The posting desk's words, in one place. The fields of a story, "Open Care Opinion", the reminder
// when there is no email address and the story-address reasons are the iPad's own (the English
// catalogue's `handoff` words, through handOffFields): the desk shows a story as the hand-off screen does.
import type { DeskStoryProblem, PassphraseProblem, UnwrapProblem } from '../../../src/domain/desk/index.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';

export const t = enGB;

/** Minutes, as words. */
const minutes = (n: number) => (n === 1 ? 'a minute' : `${n} minutes`);

export const deskWords = {
  title: 'Posting desk',
  intro:
    'Stories the iPads have sealed to the desk key wait here until you post them on Care Opinion. Only this browser, with the desk passphrase, can open them: the relay cannot.',
  noDesk: 'The posting desk is not set up yet.',

  setUpTitle: 'Set up the posting desk',
  setUpIntro:
    'Choose a passphrase only you (and whoever stands in for you) will know. It never leaves this browser: if it is lost, the stories waiting at the desk cannot be opened by anyone, and the iPads must send them again to a new desk key.',
  passphrase: 'Desk passphrase',
  passphraseHint: 'At least 12 characters. A few unrelated words are easier to remember than symbols.',
  passphraseAgain: 'Type the passphrase again',
  setUp: 'Set up the posting desk',
  making: 'Making the desk key… This takes a few seconds: the passphrase is made slow to guess.',
  made: 'The posting desk is set up. The iPads that send to the desk will now seal stories to it.',
  passphraseProblem: {
    'too-short': 'The passphrase must be at least 12 characters long.',
    'not-the-same': 'The two passphrases are not the same. Type them again.',
  } satisfies Record<PassphraseProblem, string>,

  replaceTitle: 'Replace the desk key',
  replaceWarning: (waiting: number) =>
    `${waiting === 0 ? 'No story is waiting at the desk now.' : `${count(waiting)} waiting at the desk ${waiting === 1 ? 'was' : 'were'} sealed to the current key.`} After replacing it, stories sealed to the old key can no longer be opened here; the iPads send their stories again to the new key.`,
  replaceConfirm: 'I understand: replace the desk key',
  replaced: (waiting: number) =>
    `The desk key was replaced. ${waiting === 0 ? 'No story was waiting on the old key.' : `${count(waiting)} still waiting on the old key cannot be opened here; the iPads send them again.`}`,

  unlockTitle: 'Open the desk',
  unlock: 'Open the desk',
  opening: 'Opening the desk key…',
  unlockProblem: {
    'wrong-passphrase': 'That is not the desk passphrase. Nothing has changed: type it again.',
    'not-a-wrapped-key':
      'The desk key stored on the relay cannot be opened by this page. Set up the desk again (Replace the desk key).',
    empty: 'Enter the desk passphrase.',
  } satisfies Record<UnwrapProblem | 'empty', string>,
  lockedAfterHidden: (ms: number) =>
    `The desk was closed and the stories cleared from this page because it was hidden for more than ${minutes(Math.round(ms / 60_000))}. Enter the passphrase to open it again.`,
  close: 'Close the desk',
  closed: 'The desk is closed and the stories are cleared from this page.',

  waitingCount: (waiting: number, overdue: number) =>
    waiting === 0
      ? 'No story is waiting.'
      : `${count(waiting)} waiting, oldest first${overdue ? `; ${overdue} waiting more than 30 days` : ''}.`,
  storyHeading: (position: number, total: number, title: string) => `Story ${position} of ${total}: ${title}`,
  from: (device: string, received: string) => `From ${device}, received ${received}.`,
  overdue: 'Waiting more than 30 days',
  /** Beside a service's "Copy" button: its Care Opinion code, to tell one "Ward 7" from another. */
  serviceCode: (nacs: string) => `Care Opinion code ${nacs}`,
  allPosted: 'Every waiting story that opens has been posted.',

  posted: (storyNumber: string, left: number) =>
    `Posted story ${storyNumber}. ${left === 0 ? 'No story is left waiting.' : `${count(left)} left.`}`,
  postProblem: {
    'already-posted': 'This story was already posted (perhaps from another browser). The next one is shown.',
    withdrawn:
      'This story was withdrawn on its iPad before it was posted. Do not post it. The next one is shown.',
    'unknown-story': 'This story is no longer at the desk. The next one is shown.',
  },

  notOpened: 'Stories that did not open',
  notOpenedProblem: {
    'not-a-desk-story': 'This is not a story sealed for the desk: the iPad must send it again.',
    'another-desk':
      'This story was sealed to another desk key (before the key was replaced): it cannot be opened here, and its iPad must send it again.',
    'does-not-open':
      'This story has been changed or damaged on its way and does not open: its iPad must send it again.',
    'contents-invalid':
      'This story opened but is not a story the desk can show: its iPad must send it again.',
  } satisfies Record<DeskStoryProblem, string>,

  relayAnswered: (status: number) => `The relay answered ${status}. Try again, or check its log.`,
  signedOut: 'The admin token was not accepted. Sign out, then sign in again with the admin token.',
  offline: 'The relay could not be reached. Check the connection and try again.',
  /** Something failed in the browser (for example WebAssembly refused): its name only, never data. */
  pageFailed: (name: string) =>
    `This page could not finish (${name}). Reload it and try again; if it happens again, tell whoever runs the relay.`,
};

function count(n: number): string {
  return n === 1 ? '1 story' : `${n.toLocaleString('en-GB')} stories`;
}
