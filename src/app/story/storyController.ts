// The story feature's controller: Home's list and counts and the drafts kept until saved (read from
// the data layer once loaded), and the story port the screens act through.
import { computed } from '@preact/signals';
import type { AppState, StoryActions, StoryCounts } from '../../ui/actions.ts';
import { type DataLoader, whenLoaded } from '../dataLoader.ts';
import type { SaveHooks } from '../saveHooks.ts';
import type { ScreenWake } from './wakeLock.ts';

// Not storyList.ts's own: importing it would pull the data layer into the first download.
const NO_COUNTS: StoryCounts = {
  total: 0,
  today: 0,
  collectedToday: 0,
  sentToday: 0,
  sentThisSession: null,
  month: { onBehalf: 0, all: 0 },
  allTime: { onBehalf: 0, all: 0 },
};

const STORY_METHODS = [
  'startStory',
  'createStory',
  'loadDraft',
  'saveDraft',
  'keepUnsavedDraft',
  'queueStory',
  'editQueuedStory',
  'withdrawStory',
  'loadCommonNames',
] as const;

export type StoryFeature = {
  state: Pick<AppState, 'stories' | 'storyCounts' | 'unsavedDrafts'>;
  actions: StoryActions;
  /** The app locked: nothing of the stories stays in the page. */
  locked(): void;
  /** The session changed: Home's counts ("sent this session") start again. */
  reload(): void;
};

export function createStoryController(
  loader: DataLoader,
  saveHooks: SaveHooks,
  wake: ScreenWake,
): StoryFeature {
  const list = () => loader.data.value?.stories.list;
  return {
    state: {
      stories: computed(() => list()?.stories.value ?? []),
      storyCounts: computed(() => list()?.counts.value ?? NO_COUNTS),
      unsavedDrafts: computed(() => loader.data.value?.pending.count.value ?? 0),
    },
    actions: {
      ...whenLoaded(loader, (data) => data.stories.actions, STORY_METHODS),
      showMoreStories: () => loader.withData((data) => data.stories.list.showMore()),
      registerSaveHook: (hook) => saveHooks.register(hook),
      keepScreenOn: () => wake.hold(),
    },
    locked: () => list()?.clear(),
    reload: () => void list()?.reload(),
  };
}
