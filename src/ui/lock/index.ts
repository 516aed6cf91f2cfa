// ui/lock's surface: another feature imports only the modules named here (imports.test.ts).
// They are imported directly, not through this file: a barrel would pull lazy code into the first download.
export * from './displayPort.ts';
export * from './IdleWarning.tsx';
export * from './LockButton.tsx';
export * from './LockGate.tsx';
export * from './lockActions.ts';
export * from './useNowUntil.ts';
