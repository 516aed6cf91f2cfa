// domain/settings's surface: another feature imports only the modules named here (imports.test.ts).
// They are imported directly, not through this file: a barrel would pull lazy code into the first download.
export * from './connection.ts';
export * from './destination.ts';
export * from './display.ts';
export * from './relay.ts';
export * from './relayTrust.ts';
export * from './settings.ts';
export * from './settingsForm.ts';
export * from './settingsProblem.ts';
export * from './storage.ts';
