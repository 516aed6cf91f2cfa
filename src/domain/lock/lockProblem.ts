// Why the PIN rules, the recovery-code rules, the lock or the vault refused: codes with their facts,
// never words. The Lock screens word them through the catalogue's `lock` words (`lockProblemText`).

/** The PINs people choose most often (pin.ts `COMMON_PINS`), each with its own reason. */
export type CommonPin = 'repeated' | 'run' | 'pattern' | 'doubled' | 'date' | 'keypad';

/** Why a PIN (and its confirmation) is refused. */
export type PinProblem =
  | { code: 'choosePin' | 'digitsOnly' | 'tooShort' | 'tooLong' | 'confirmEmpty' | 'notSame' }
  | { code: 'tooEasy'; pattern: CommonPin };

/** Why a typed recovery code is refused before it is tried. */
export type RecoveryCodeProblem =
  | { code: 'enterCode' }
  | { code: 'strayCharacter'; stray: string }
  | { code: 'codeLength'; length: number };

/** Every answer of the lock and the vault that is not a success. */
export type LockProblem =
  | PinProblem
  | RecoveryCodeProblem
  | { code: 'notSetUp' | 'alreadySet' | 'noDeviceKey' | 'notSaved' | 'wrongCode' | 'enterPin' }
  /** A wrong PIN, `failures` in a row; `retryAt`: no try before then (null: none); `at`: when it was tried. */
  | { code: 'wrongPin'; failures: number; retryAt: number | null; at: number }
  /** A try during a wait: no PIN is tried before `retryAt`. */
  | { code: 'lockedOut'; retryAt: number; at: number }
  /** The PIN was right but no longer meets the rules: it must be changed. */
  | { code: 'mustChange'; because: PinProblem };
