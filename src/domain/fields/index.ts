// domain/fields's surface: another feature imports only the modules named here (imports.test.ts).
// They are imported directly, not through this file: a barrel would pull lazy code into the first download.
export * from './commonNames.ts';
export * from './contactDetails.ts';
export * from './email.ts';
export * from './postcode.ts';
export * from './username.ts';
export * from './wordCount.ts';
