// domain/send's surface: another feature imports only the modules named here (imports.test.ts).
// They are imported directly, not through this file: a barrel would pull lazy code into the first download.
export * from './answers.ts';
export * from './backoff.ts';
export * from './closing.ts';
export * from './fieldErrors.ts';
export * from './queueStatus.ts';
export * from './sendEntry.ts';
export * from './sendProblem.ts';
export * from './sendReducer.ts';
export * from './sendRules.ts';
export * from './statusReport.ts';
