// The interface words of the chosen language. Every screen reads its words here — `const t = useText()`,
// then `t.home.title` — never as text written in a component (a test fails on that). One context holds
// them: the Lock screen's part (the first download) until the whole catalogue has loaded behind the
// Lock screen, then all of it. The lock's screens, drawn before that, read their part: `useLockText()`.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { enGBLock, type Language, type LockMessages, type Messages } from '../../domain/words/index.ts';

export const TextContext = createContext<LockMessages>(enGBLock);

/** The Lock screen's words (and the fields' "Error:" and "(required)"): there from the first render. */
export function useLockText(): LockMessages {
  return useContext(TextContext);
}

const isWhole = (words: LockMessages): words is Messages => 'home' in words;

/** The whole catalogue: for the screens behind the Lock screen, drawn only once it has loaded. */
export function useText(): Messages {
  const words = useContext(TextContext);
  if (!isWhole(words))
    throw new Error('A screen was drawn before its words loaded: only the lock screens may be');
  return words;
}

/** Which of the catalogue's words names each language, in that language ("English", "Cymraeg"). */
export const LANGUAGE_NAME = { 'en-GB': 'english', cy: 'welsh' } as const satisfies Record<Language, string>;
