// sync/relay's surface: another feature imports only the modules named here (imports.test.ts).
// They are imported directly, not through this file: a barrel would pull lazy code into the first download.

export * from './deskKey.ts';
export * from './deviceStatus.ts';
export * from './exportKey.ts';
export * from './relay.ts';
