// store/vault's surface: another feature imports only the modules named here (imports.test.ts).
// They are imported directly, not through this file: a barrel would pull lazy code into the first download.
export * from './cipher.ts';
export * from './setupKept.ts';
export * from './vault.ts';
export * from './vaultCrypto.ts';
