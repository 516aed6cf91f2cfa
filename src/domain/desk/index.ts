// domain/desk's surface: another feature imports only the modules named here (imports.test.ts).
export * from './deskKey.ts';
export * from './deskStory.ts';
