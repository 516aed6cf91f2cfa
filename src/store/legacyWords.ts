// The English words older versions stored instead of codes, frozen as they were written: only the
// migration to codes (schema.ts, DB_V7_REASON_CODES) and reading sealed field problems use them.
// Nothing shows these words; the catalogues word the codes. The one place outside
// src/domain/words/ allowed English sentences (tests/unit/architecture/words.test.ts).
import { isSendProblem, type SendProblem } from '../domain/send/sendProblem.ts';
import type { AddressProblem, SetupNote } from '../domain/settings/settingsProblem.ts';

/** An outbox entry's `lastProblem` and the queue's pause, as every earlier version wrote them. */
export const LEGACY_SEND_PROBLEMS: Readonly<Record<string, SendProblem>> = {
  'The key was not accepted': 'keyRejected',
  'The API address or key was not accepted': 'addressRejected',
  'Care Opinion is busy; trying again': 'busy',
  'Care Opinion had a problem; trying again': 'serverProblem',
  'Could not reach Care Opinion; trying again': 'unreachable',
  'Care Opinion did not answer in time; trying again': 'timeout',
  'Care Opinion is still receiving this story; checking again': 'inProgress',
  "Care Opinion's answer was incomplete; trying again": 'incomplete',
  'Another page answered instead of Care Opinion (perhaps a wifi sign-in page); trying again':
    'notCareOpinion',
  'This iPad was disconnected from the relay': 'deviceRevoked',
  "The relay's Care Opinion key was not accepted — tell your Care Opinion lead": 'relayKeyRefused',
  'Some details need changing': 'fields',
  'Care Opinion did not accept this story': 'refused',
  'Care Opinion could not read this story': 'cannotRead',
  'The story is too large to send': 'tooLarge',
  'Care Opinion refused the request; trying again': 'readRefused',
  "Care Opinion's answer was not a list; trying again": 'notAList',
  "This story can't be opened on this device, so it was not sent. It is kept until it is withdrawn.":
    'damaged',
  'This story could not be read back on this device, so it was not sent. Open it, check it and send it again.':
    'damaged',
  'This story is not complete, or has no consent, so it was not sent. Open it, check it and send it again.':
    'notComplete',
};

/** The code for words an older version stored: a known text's own code, anything else `unknown`. */
export function legacySendProblem(words: string): SendProblem {
  if (isSendProblem(words)) return words;
  return Object.hasOwn(LEGACY_SEND_PROBLEMS, words) ? (LEGACY_SEND_PROBLEMS[words] ?? 'unknown') : 'unknown';
}

/** What older versions stored as a refused field's message when the server gave none. */
export const LEGACY_NO_MESSAGE = 'Please check this';

const LEGACY_ADDRESS_PROBLEMS: Readonly<Record<string, AddressProblem>> = {
  'Enter the API address, for example https://relay.example.org/api/v2.': 'enterApiAddress',
  'This is not a web address. It should start with https://': 'notWebAddress',
  'Use an https:// address (http:// is allowed only for localhost and 127.0.0.1).': 'useHttps',
};
const LEGACY_IGNORED = "The set-up file's API address was ignored: ";

/** The sealed settings' set-up note as older versions wrote it (words), as a code; unknown words: none. */
export function legacySetupNote(words: string): SetupNote | null {
  if (words === 'Set up from this organisation’s set-up file (app-config.json).')
    return { code: 'configAdopted' };
  if (words === 'The set-up file (app-config.json) was not valid and was ignored.')
    return { code: 'configInvalid' };
  const reason = words.startsWith(LEGACY_IGNORED) ? words.slice(LEGACY_IGNORED.length) : '';
  const known = Object.hasOwn(LEGACY_ADDRESS_PROBLEMS, reason) ? LEGACY_ADDRESS_PROBLEMS[reason] : undefined;
  return known ? { code: 'addressIgnored', reason: known } : null;
}
