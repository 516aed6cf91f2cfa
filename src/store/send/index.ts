// store/send's surface: another feature imports only the modules named here (imports.test.ts).
// They are imported directly, not through this file: a barrel would pull lazy code into the first download.
export * from './lease.ts';
export * from './outbox.ts';
export * from './receipts.ts';
export * from './sendWriter.ts';
export * from './storyQueue.ts';
