// store/settings's surface: another feature imports only the modules named here (imports.test.ts).
// They are imported directly, not through this file: a barrel would pull lazy code into the first download.
export * from './deviceStore.ts';
export * from './session.ts';
export * from './settings.ts';
