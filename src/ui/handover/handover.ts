// Hand-over mode: which story the storyteller holds, if any, and the addresses that show it. Held
// above the screens (LocationWithHandover, in App), so it survives re-renders and the story screen's own remounts. It ends only
// with "Give back to staff" (the staff PIN) or a lock: whoever unlocks has typed the staff PIN, so
// the story opens again where it was, in staff mode.
import { type ReadonlySignal, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { StoryMode } from '../../domain/story/steps.ts';

/** The story's own address, and the one it was handed over at (`/story/new` until its first answer). */
export type HandedOver = { storyId: string; paths: readonly string[] };

export type Handover = {
  /** Null in staff mode. */
  current: ReadonlySignal<HandedOver | null>;
  start(storyId: string, path: string): void;
  end(): void;
};

export const storyPath = (storyId: string) => `/story/${encodeURIComponent(storyId)}`;

export function createHandover(): Handover {
  const current = signal<HandedOver | null>(null);
  return {
    current,
    start: (storyId, path) => {
      current.value = { storyId, paths: [storyPath(storyId), path] };
    },
    end: () => {
      current.value = null;
    },
  };
}

export const HandoverContext = createContext<Handover | null>(null);

export function useHandover(): Handover {
  const value = useContext(HandoverContext);
  if (!value) throw new Error('HandoverContext missing: render screens inside <LocationWithHandover>');
  return value;
}

/** Whether the storyteller holds the iPad (false outside a HandoverProvider, e.g. in unit tests). */
export function useHandedOver(): boolean {
  return (useContext(HandoverContext)?.current.value ?? null) !== null;
}

/** The story's mode: 'handover' while the storyteller holds the iPad (its steps, its words), else 'staff'. */
export function useStoryMode(): StoryMode {
  return useHandedOver() ? 'handover' : 'staff';
}
