// The app's one way to speak to a screen reader: `announce(words)` puts them in the single polite live
// region (LiveRegion.tsx). Say only what matters — saved after a pause, queued, sent, how many services
// matched, errors — never every keystroke.
import { createContext } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';

export type Announce = (words: string) => void;

export const AnnounceContext = createContext<Announce>(() => {});

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}

/** Says a field's problem when it appears or changes (checked on leaving it, or as it is typed), once. */
export function useAnnounceChange(words: string | null): void {
  const announce = useAnnounce();
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (words && words !== last.current) announce(words);
    last.current = words;
  }, [words, announce]);
}
