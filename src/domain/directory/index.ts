// domain/directory's surface: another feature imports only the modules named here (imports.test.ts).
// They are imported directly, not through this file: a barrel would pull lazy code into the first download.
export * from './directoryProblem.ts';
export * from './packedIndex.ts';
export * from './search.ts';
export * from './service.ts';
export * from './serviceIndex.ts';
export * from './serviceLabel.ts';
export * from './serviceTable.ts';
export * from './storedIndex.ts';
