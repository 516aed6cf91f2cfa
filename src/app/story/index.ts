// app/story's surface: another feature imports only the modules named here (imports.test.ts).
// They are imported directly, not through this file: a barrel would pull lazy code into the first download.
export * from './pendingDrafts.ts';
export * from './stories.ts';
export * from './storyController.ts';
export * from './wakeLock.ts';
