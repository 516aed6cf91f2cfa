// Hand-over mode: which story the storyteller holds, if any. Held above the screens (App's
// HandoverProvider), so it survives re-renders and the story screen's own remounts. It ends only
// with "Give back to staff" (the staff PIN) or a lock: whoever unlocks has typed the staff PIN, so
// the story opens again where it was, in staff mode.
import { type ReadonlySignal, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Handover = {
  /** The story handed to the storyteller, or null in staff mode. */
  storyId: ReadonlySignal<string | null>;
  start(storyId: string): void;
  end(): void;
};

export function createHandover(): Handover {
  const storyId = signal<string | null>(null);
  return {
    storyId,
    start: (id) => {
      storyId.value = id;
    },
    end: () => {
      storyId.value = null;
    },
  };
}

export const HandoverContext = createContext<Handover | null>(null);

export function useHandover(): Handover {
  const value = useContext(HandoverContext);
  if (!value) throw new Error('HandoverContext missing: render screens inside <HandoverProvider>');
  return value;
}

/** Whether the storyteller holds the iPad (false outside a HandoverProvider, e.g. in unit tests). */
export function useHandedOver(): boolean {
  return (useContext(HandoverContext)?.storyId.value ?? null) !== null;
}
