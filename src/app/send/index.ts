// app/send's surface: another feature imports only the modules named here (imports.test.ts).
// They are imported directly, not through this file: a barrel would pull lazy code into the first download.
export * from './export.ts';
export * from './handOff.ts';
export * from './queue.ts';
export * from './sendController.ts';
export * from './statusReport.ts';
