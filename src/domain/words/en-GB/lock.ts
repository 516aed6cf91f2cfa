// The Lock screens' words: setting a PIN, the recovery code, unlocking, a forgotten PIN, and what a
// wrong PIN or a wait means.
import { format } from './common.ts';

/** "45 seconds", "2 minutes", "1 hour 5 minutes". */
const wait = (hours: number, minutes: number, seconds: number) => {
  if (hours === 0 && minutes === 0) return format.unit(seconds, 'second');
  if (hours === 0) return format.unit(minutes, 'minute');
  return minutes === 0
    ? format.unit(hours, 'hour')
    : `${format.unit(hours, 'hour')} ${format.unit(minutes, 'minute')}`;
};

export const lock = {
  lockedTitle: 'Story Collector is locked',
  lock: 'Lock',
  locking: 'Locking: saving the open story first…',
  preparingCode: 'Preparing the recovery code…',
  pin: 'PIN',
  unlock: 'Unlock',
  forgotten: 'Forgotten PIN?',
  checkingPin: 'Checking the PIN…',
  setTitle: 'Set a PIN for this device',
  setWhy:
    'The PIN keeps stories private on a shared device: the app locks when it is not in use, and stories are stored so that they cannot be read without it.',
  setPin: 'Set PIN',
  settingPin: 'Setting the PIN. This takes a few seconds…',
  choosePin: 'Choose a PIN',
  choosePinHint:
    '6 to 8 digits, not an easy one like 123456 or a date. Everyone who uses this device needs it.',
  confirmPin: 'Confirm PIN',
  changeTitle: 'Choose a new PIN',
  changeWhy: (reason: string) =>
    `${reason} Nothing on this device is lost, and the recovery code stays the same.`,
  setNewPin: 'Set new PIN',
  settingNewPin: 'Setting the new PIN…',
  recoveryTitle: 'Recovery code',
  recoveryGive:
    "Give this code to your organisation's Care Opinion lead, or write it down for them. Keep it away from this device.",
  recoveryWhat:
    'If the PIN is forgotten, this code sets a new one without losing any stories waiting to be sent. It is shown only this once.',
  recoverySaved: 'I have saved the code',
  resetWhy:
    "Your organisation's Care Opinion lead has this device's recovery code. With it you choose a new PIN. Stories waiting to be sent are kept.",
  recoveryCode: 'Recovery code',
  recoveryCodeHint: '6 groups of 4 letters and digits.',
  backToPin: 'Back to PIN',
  checkingCode: 'Checking the recovery code. This takes a few seconds…',
  /** Shown while a wait is running (a countdown, re-rendered every second). */
  lockout: (hours: number, minutes: number, seconds: number) =>
    `Too many wrong PINs. You can try again in ${wait(hours, minutes, seconds)}. Nothing on this device has been deleted.`,
  wrongPin: 'That PIN is not right.',
  tryAgain: 'Please try again.',
  triesLeft: (n: number) =>
    format.plural(n, {
      one: '{n} more try before a short wait.',
      other: '{n} more tries before a short wait.',
    }),
  /** A recovery code with a symbol that is not one of its letters or digits. */
  strayCharacter: (stray: string) =>
    `A recovery code has only letters and digits; "${stray}" is not one of them.`,
  /** A recovery code of the wrong length (it has 24 symbols). */
  codeLength: (length: number) =>
    `A recovery code has 24 letters and digits (6 groups of 4); this one has ${format.number(length)}.`,
  /** The words of the PIN rules' and the vault's codes (`LockProblem`). */
  reasons: {
    choosePin: 'Choose a PIN of 6 to 8 digits.',
    digitsOnly: 'Use digits only (0 to 9).',
    tooShort: 'The PIN needs at least 6 digits.',
    tooLong: 'The PIN can have at most 8 digits.',
    tooEasy: {
      repeated: 'This PIN is too easy to guess: it is one digit repeated.',
      run: 'This PIN is too easy to guess: it is a run of digits, like 123456 or 654321.',
      pattern: 'This PIN is too easy to guess: it repeats a short pattern, like 121212 or 123123.',
      doubled: 'This PIN is too easy to guess: each digit comes twice in a row, like 112233.',
      date: 'This PIN is too easy to guess: it looks like a month or a day and a year, like 071985.',
      keypad:
        'This PIN is too easy to guess: it is a well-known pattern on the keypad or a mirror image, like 147258 or 123321.',
    },
    chooseAnother: 'Choose another.',
    confirmEmpty: 'Type the PIN again to confirm it.',
    notSame: 'The two PINs are not the same. Type them again.',
    enterCode: 'Enter the recovery code.',
    notSetUp: 'No PIN has been set on this device yet.',
    alreadySet:
      'A PIN is already set on this device (perhaps in another window). Use it, or "Forgotten PIN?" to choose a new one.',
    noDeviceKey:
      "This browser's own key for the app is missing or has changed, so what is stored here cannot be opened.",
    notSaved: 'The PIN could not be saved on this device. Please try again.',
    wrongCode: "That recovery code is not right. Check it with your organisation's Care Opinion lead.",
    enterPin: 'Enter the PIN.',
    mustChange: 'That PIN is right, but it must now be changed.',
  },
};
