// The words on screen, as the lock's screens read them: `const t = useLockText()`. One context holds
// the words of the chosen language — the Lock screen's part (the first download) until the whole
// catalogue has loaded behind the Lock screen, then all of it (screens read it with `useText()`).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { enGBLock, type Language, type LockMessages } from '../../domain/words/index.ts';

export const TextContext = createContext<LockMessages>(enGBLock);

/** The Lock screen's words (and the fields' "Error:" and "(required)"): there from the first render. */
export function useLockText(): LockMessages {
  return useContext(TextContext);
}

/** Which of the catalogue's words names each language, in that language ("English", "Cymraeg"). */
export const LANGUAGE_NAME = { 'en-GB': 'english', cy: 'welsh' } as const satisfies Record<Language, string>;
