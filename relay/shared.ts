// The one place the relay imports the app's code — the submission schema it checks stories with,
// the table of upstream answers the app's send queue reads (one table, so the relay and an iPad
// never read an answer two ways), the story-address rule the desk's "I have posted it" shares with
// the iPad's hand-off screen — and the production headers the app is served with:
// `npm run release` bundles these into the relay, and a move in src/ or tests/tools/ changes only
// this file.

export { type DeviceStatus, DeviceStatusSchema } from '../src/domain/fleet/deviceStatus.ts';
export {
  type ExportKey,
  ExportKeySchema,
  type OpenProblem,
  openStories,
  SEALED_FILE_MAX_BYTES,
  type SealedContents,
  storyBodyIsValid,
} from '../src/domain/fleet/sealedFile.ts';
export { type Answer, classifyAnswer, classifyReadAnswer, REASONS } from '../src/domain/send/answers.ts';
export { parseStoryAddress, type StoryAddressProblem } from '../src/domain/story/storyAddress.ts';
export { QueuedStorySchema } from '../src/domain/story/submission.ts';
export { CONTENT_TYPES, securityHeaders } from '../tests/tools/headers.ts';
