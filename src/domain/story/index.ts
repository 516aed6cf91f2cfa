// domain/story's surface: another feature imports only the modules named here (imports.test.ts).
// They are imported directly, not through this file: a barrel would pull lazy code into the first download.
export * from './draftEdits.ts';
export * from './handOff.ts';
export * from './onBehalf.ts';
export * from './sendReadiness.ts';
export * from './steps.ts';
export * from './story.ts';
export * from './storyAddress.ts';
export * from './storyNumber.ts';
export * from './submission.ts';
export * from './submissionBody.ts';
