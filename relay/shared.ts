// The one place the relay imports the app's code (the submission schema it checks stories with)
// and the production headers the app is served with: `npm run release` bundles these into the
// relay, and a move in src/ or tests/tools/ changes only this file.
export { QueuedStorySchema } from '../src/domain/story/submission.ts';
export { CONTENT_TYPES, securityHeaders } from '../tests/tools/headers.ts';
