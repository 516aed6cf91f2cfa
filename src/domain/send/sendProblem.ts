// Why a story waits, was refused or was not sent (kept with its outbox entry and in the queue's
// pause), and why the send queue refused a step: codes, never words. The screens word them through
// the catalogue's `send.reasons` and `send.refusals`.
import * as z from 'zod/mini';

export const SEND_PROBLEMS = [
  'keyRejected',
  'addressRejected',
  'busy',
  'serverProblem',
  'unreachable',
  'timeout',
  'inProgress',
  'incomplete',
  'notCareOpinion',
  'deviceRevoked',
  'relayKeyRefused',
  'fields',
  'refused',
  'cannotRead',
  'tooLarge',
  'readRefused',
  'notAList',
  /** The device could not open its frozen copy (sendStory): kept until it is withdrawn. */
  'damaged',
  /** The device's own check refused it (incomplete, or no consent). */
  'notComplete',
  /** Desk mode (issue 27), but the relay has no posting desk (or this iPad does not know its key yet). */
  'noDesk',
  /** Sealed for the desk it is larger than the relay takes (`DESK_BODY_MAX_BYTES`): never sent. */
  'deskTooLarge',
  /** The desk refused it (another body under its key, or a story it cannot take). */
  'deskRefused',
  /** Words an older version kept that this one does not know. */
  'unknown',
] as const;
export type SendProblem = (typeof SEND_PROBLEMS)[number];

/** Read leniently: anything else stored is `unknown`, never a failed read. */
export const SendProblemSchema = z.catch(z.enum(SEND_PROBLEMS), 'unknown' as const);

export function isSendProblem(value: unknown): value is SendProblem {
  return typeof value === 'string' && (SEND_PROBLEMS as readonly string[]).includes(value);
}

/** Why the send reducer refused an event. */
export type SendRefusal =
  | 'noConsent'
  | 'alreadyWaiting'
  | 'alreadySent'
  | 'nothingToSend'
  | 'notWaiting'
  | 'inFlight'
  | 'noRequest'
  | 'nothingInFlight'
  | 'notReadyByHand'
  | 'notStoryNumber'
  | 'nothingToMove'
  | 'nothingToRefuse'
  /** Only a story waiting to be sent goes in a sealed file (sendRules' isExportable). */
  | 'notExportable'
  /** Only a story the posting desk holds is asked about or deleted there (issue 27). */
  | 'notAtDesk';

/**
 * Why "Export unsent stories" made no file (issue 26): not on a relay (or connected before the relay
 * gave this iPad its id), no export key yet, nothing waiting, the app locked meanwhile, or more than
 * one file may hold.
 */
export type ExportProblem = 'noRelay' | 'noExportKey' | 'nothingToExport' | 'locked' | 'tooLarge';

/** Why the queue stopped for a moment (not stored): an unexpected problem, nothing lost. */
export type QueueProblem = 'unexpected';

/** Why a write did not commit (store's write wrapper): the disk is full, the connection was lost, other. */
export type WriteProblem = 'storageFull' | 'storageLost' | 'notSavedYet';

/** Why a story action (save, edit, withdraw, post by hand) did not happen, besides a write's. */
export type StoryReason =
  | WriteProblem
  | 'notEditable'
  | 'mayHaveArrived'
  | 'changedWhileSending'
  | 'gone'
  | 'notReady'
  | 'changedMeanwhile'
  | 'changedWhileWithdrawing'
  | 'unreadable'
  /** The save threw instead of answering (the device did not accept the write). */
  | 'writeRefused';

/** What a story action answers when it did not happen: the device's reason or the queue's refusal. */
export type StoryActionReason = StoryReason | SendRefusal;

/** What a story's row says went wrong: its send problem, or it can't be opened, or it was waiting before an update. */
export type StoryProblem = SendProblem | 'unreadable' | 'requeue';
