// Why the lock or the vault refused (a PIN, a recovery code): worded by the Lock screens.
export type LockProblem = string;
