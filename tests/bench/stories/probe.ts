// The stories bench's page script (bundled by esbuild, added as an init script): exposes the seed,
// list and typing probes on window.storiesBench and arms the list timer before the app starts.
import { seed } from './seedProbe.ts';
import { startTyping, stopTyping } from './typingProbe.ts';
import { armChange, armLoad, listChange, listLoad } from './watchProbe.ts';

export const storiesProbe = { seed, listLoad, armChange, listChange, startTyping, stopTyping };
export type StoriesProbe = typeof storiesProbe;

(globalThis as unknown as { storiesBench: StoriesProbe }).storiesBench = storiesProbe;
armLoad();
