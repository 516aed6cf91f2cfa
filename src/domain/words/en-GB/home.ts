// Home's words: the sync line, the story list, hints and the device's storage line.
import type { StoryProblem, StoryReason } from '../../send/sendProblem.ts';
import { format } from './common.ts';

export const home = {
  title: 'Story Collector',
  navLabel: 'App',
  settings: 'Settings',
  storiesTitle: 'Stories on this device',
  version: (buildId: string) => `Version ${buildId}`,
  online: 'This device seems to be online.',
  offline: 'This device seems to be offline. Stories are kept safely on this device until it is back online.',
  /** No API address and posting by hand not chosen (domain/settings/destination.ts). */
  noDestination:
    'This iPad has nowhere to send stories: it is not connected to a relay or to Care Opinion, and posting them on the Care Opinion website by hand has not been chosen. Stories are kept safely on this iPad until it has.',
  noDestinationFix: 'Choose how stories reach Care Opinion',
  /** An enrolment link waits for "Connect" (Settings' relay section). */
  enrolmentWaiting: 'Connect to the relay',
  installLabel: 'Add to Home Screen',
  installTitle: 'Add to Home Screen before collecting stories.',
  installSteps:
    'In Safari, tap Share, then “Add to Home Screen”, and open Story Collector from there. Stories typed in a browser tab stay in the tab and may be cleared by the browser.',
  noStories: 'No stories on this device yet.',
  listLabel: 'Stories on this device',
  showingNewest: (shown: number, total: number) =>
    `Showing the newest ${format.number(shown)} of ${format.number(total)}.`,
  showMore: (n: number) => `Show ${format.number(n)} more`,
  noServiceYet: 'No service chosen yet',
  /** Issue 26: Home → "Export unsent stories" (only on a relay, with a story waiting). */
  export: {
    button: 'Export unsent stories',
    title: 'Export unsent stories',
    why: 'For an iPad that cannot send them: one file of every story waiting to be sent, sealed so that only your organisation’s relay can open it. Carry it to your Care Opinion lead by AirDrop, USB or email. The stories stay on this iPad, and it still sends them when it is online — Care Opinion receives each only once.',
    pinTitle: 'Staff: type your PIN to export the stories',
    pinLabel: 'Staff PIN',
    confirm: 'Export',
    cancel: 'Cancel',
    checking: 'Checking the PIN…',
    sealing: 'Sealing the stories…',
    inFile: (n: number, name: string) =>
      `${format.plural(n, { one: '{n} story is in the file', other: '{n} stories are in the file' })} ${name}.`,
    share: 'Share the file',
    save: 'Save the file',
    marked: (n: number) =>
      format.plural(n, {
        one: '{n} story is marked “Exported”. It is still sent from this iPad when it is online.',
        other: '{n} stories are marked “Exported”. They are still sent from this iPad when it is online.',
      }),
    done: 'Done',
    notShared: 'The file was not shared. Try again, or save it instead.',
  },
  withdraw: 'Withdraw',
  /** A draft's row: no consent yet, so it only deletes (sendRules.ts removalOf). */
  deleteDraft: 'Delete',
  deleteStory: 'Delete story',
  keepIt: 'Keep it',
  notDeleted: (reason: string) => `The story was not deleted: ${reason}`,
  /** Why a story action did not happen, or what a story's row says (`StoryReason`, `StoryProblem`). */
  reasons: {
    notEditable: 'This story is waiting to send and cannot be changed now.',
    mayHaveArrived:
      'This story has already been sent to Care Opinion, or may have been: it cannot be changed.',
    changedWhileSending:
      'This story changed on this device while it was being sent. Nothing was lost: try again.',
    gone: 'This story is no longer on this device.',
    notReady: 'This story is no longer ready to post on this device.',
    changedMeanwhile: 'This story changed on this device meanwhile. Nothing was lost: try again.',
    unreadable: "This story can't be opened on this device.",
    requeue: 'This story was waiting to send before an update. Check it and send it again.',
    changedWhileWithdrawing: 'This story changed while it was being withdrawn. Nothing was lost: try again.',
    storageFull:
      'This device’s storage is full, so the story is not saved yet. It is still on screen. Free some space (for example delete old photos), and saving will try again.',
    storageLost:
      'The device lost its connection to its storage, so the story is not saved yet. It is still on screen and saving will try again.',
    notSavedYet:
      'The story could not be saved on this device yet. It is still on screen and saving will try again.',
    writeRefused: 'The device did not accept the write.',
  } satisfies Record<StoryReason | Extract<StoryProblem, 'requeue'>, string>,
  storageLabel: 'Storage on this device',
  storage: {
    protected: 'Storage: protected (the browser will not clear it on its own)',
    bestEffort: 'Storage: best effort (the browser may clear it if the device runs short of space)',
    unknown: 'Storage: unknown',
    usage: (used: string, available: string) => `${used} used of ${available} available`,
  },
  /** A row's time: "1 Dec, 10:42". */
  rowTime: (ms: number) => format.dayTime(ms),
};
