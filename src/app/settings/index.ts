// app/settings's surface: another feature imports only the modules named here (imports.test.ts).
// They are imported directly, not through this file: a barrel would pull lazy code into the first download.
export * from './display.ts';
export * from './firstScreen.ts';
export * from './settingsController.ts';
