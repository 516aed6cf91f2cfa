// domain/fleet's surface: another feature imports only the modules named here (imports.test.ts).
export * from './deviceStatus.ts';
export * from './sealedFile.ts';
