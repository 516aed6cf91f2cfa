// sync/send's surface: another feature imports only the modules named here (imports.test.ts).
// They are imported directly, not through this file: a barrel would pull lazy code into the first download.
export * from './queue.ts';
export * from './runnerLock.ts';
export * from './sendStory.ts';
export * from './sendTriggers.ts';
