// The send queue in words: each state's word (the one place states become interface words,
// PRODUCT.md), Home's sync line, "Sending 3 of 12", and why sending is paused.
import type { ExportProblem, QueueProblem, SendProblem, SendRefusal } from '../../send/sendProblem.ts';
import { format } from './common.ts';

export const send = {
  /** Why a story waits or was refused: the words of each code kept with its entry (`SendProblem`). */
  reasons: {
    keyRejected: 'The key was not accepted',
    addressRejected: 'The API address or key was not accepted',
    busy: 'Care Opinion is busy; trying again',
    serverProblem: 'Care Opinion had a problem; trying again',
    unreachable: 'Could not reach Care Opinion; trying again',
    timeout: 'Care Opinion did not answer in time; trying again',
    inProgress: 'Care Opinion is still receiving this story; checking again',
    incomplete: "Care Opinion's answer was incomplete; trying again",
    notCareOpinion:
      'Another page answered instead of Care Opinion (perhaps a wifi sign-in page); trying again',
    deviceRevoked: 'This iPad was disconnected from the relay',
    relayKeyRefused: "The relay's Care Opinion key was not accepted — tell your Care Opinion lead",
    fields: 'Some details need changing',
    refused: 'Care Opinion did not accept this story',
    cannotRead: 'Care Opinion could not read this story',
    tooLarge: 'The story is too large to send',
    readRefused: 'Care Opinion refused the request; trying again',
    notAList: "Care Opinion's answer was not a list; trying again",
    damaged:
      "This story can't be opened on this device, so it was not sent. It is kept until it is withdrawn.",
    notComplete:
      'This story is not complete, or has no consent, so it was not sent. Open it, check it and send it again.',
    noDesk:
      'Waiting: your organisation’s relay has no posting desk now. Nothing is lost; ask your Care Opinion lead, or choose another way in Settings.',
    deskTooLarge: 'The story is too large for the posting desk, so it was not sent',
    deskRefused: 'The posting desk did not accept this story',
    unknown: 'This story could not be sent',
  } satisfies Record<SendProblem, string>,
  /** Why the queue stopped for a moment (`QueueProblem`). */
  queueProblems: {
    unexpected:
      'Sending stopped for a moment because of an unexpected problem. Nothing is lost; it will try again.',
  } satisfies Record<QueueProblem, string>,
  states: {
    draft: 'Draft',
    queued: 'Waiting to send',
    'ready-to-post': 'Ready to post',
    sending: 'Sending',
    'at-desk': 'At the posting desk',
    sent: 'Sent',
    'needs-attention': 'Needs attention',
  },
  /** Why the send queue refused a step (the reducer's `SendRefusal`). */
  refusals: {
    noConsent: 'No consent, no send: ask for consent to publish first.',
    alreadyWaiting: 'This story is already waiting to send.',
    alreadySent: 'This story has already been sent to Care Opinion, or may have been.',
    nothingToSend: 'Nothing to send.',
    notWaiting: 'This story is not waiting to send.',
    inFlight: 'A request for this story may still be in flight.',
    noRequest: 'No request was waiting for this answer.',
    nothingInFlight: 'Nothing was in flight.',
    notReadyByHand: 'This story is not ready to post by hand.',
    notStoryNumber: 'This is not a Care Opinion story number.',
    nothingToMove: 'Nothing to move.',
    nothingToRefuse: 'Nothing to refuse.',
    notExportable: 'Only a story waiting to be sent goes in a sealed file.',
    notAtDesk: 'This story is not at the posting desk.',
  } satisfies Record<SendRefusal, string>,
  /** A story withdrawn by its storyteller (a receipt): its row says so instead of a send state. */
  withdrawn: 'Withdrawn',
  /** Issue 26: a story carried out in a sealed file for the relay, shown beside its state (still sent from here). */
  exported: 'Exported',
  exportedNote:
    'Exported: this story is also in a sealed file for your organisation’s relay. This iPad still sends it when it is online, and Care Opinion receives it only once.',
  /** Why "Export unsent stories" made no file (`ExportProblem`). */
  exportProblems: {
    noRelay:
      'Only an iPad connected to your organisation’s relay can export stories: nobody else could open the file.',
    noExportKey:
      'This iPad does not have the relay’s key for sealed files yet. Connect to the internet once, then try again.',
    nothingToExport: 'No story is waiting to be sent.',
    locked: 'The app was locked. Unlock it and try again.',
    tooLarge: 'Too many stories for one file. Ask your Care Opinion lead for help.',
  } satisfies Record<ExportProblem, string>,
  barLabel: 'Sending',
  sendNow: 'Send now',
  /** Beside what waits: the queue runs only in an open page, after an unlock (src/sync/send/sendTriggers.ts). */
  onlyWhileOpen:
    'Stories are sent only while this app is open on screen and has been unlocked since it was opened. A locked iPad in a drawer may not send them: open the app and unlock it where there is a signal.',
  waiting: (n: number) => `${format.number(n)} waiting to send`,
  lastSent: (time: string) => `last sent ${time}`,
  sendingOf: (index: number, total: number) => `Sending ${format.number(index)} of ${format.number(total)}`,
  readyToPost: (n: number) => `${format.number(n)} ready to post`,
  readyToPostHint: (line: string) => `${line}: open each one to post it on Care Opinion’s website.`,
  unsaved: (n: number) =>
    format.plural(n, {
      one: 'A story is not saved on this device yet: its text is kept, locked away, and saving is tried again every few seconds.',
      other:
        '{n} stories are not saved on this device yet: its text is kept, locked away, and saving is tried again every few seconds.',
    }),
  nextTrySoon: 'Next try: as soon as there is a signal',
  nextTryAt: (time: string) => `Next try at ${time}`,
  pausedRevoked: (reason: string) =>
    `Sending is paused: ${reason}. Ask your Care Opinion lead for a new enrolment code and connect again in Settings. Nothing is lost — stories wait on this device.`,
  pausedRelayKey: (reason: string) =>
    `Sending is paused: ${reason}. There is nothing to fix on this iPad. Nothing is lost — stories wait on this device and go when the relay's key is fixed.`,
  pausedKey: (reason: string) =>
    `Sending is paused: ${reason}. The key in Settings was not accepted by Care Opinion. Nothing is lost — stories wait on this device until the key is fixed.`,
  connectAgain: 'Connect again',
  fixKey: 'Fix the key',
  updateAvailable: 'Update available.',
  updateSaving: 'Saving your work, then updating…',
  updateSavedFirst: 'Your work is saved first.',
  update: 'Update',
  newStory: 'New story',
};
