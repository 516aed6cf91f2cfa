// The app's one way to speak to a screen reader: `announce(words)` puts them in the single polite live
// region (LiveRegion.tsx). Say only what matters — saved after a pause, queued, sent, how many services
// matched, errors — never every keystroke.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Announce = (words: string) => void;

export const AnnounceContext = createContext<Announce>(() => {});

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
