// The interface words of the chosen language. Every screen reads its words here — `const t = useText()`,
// then `t.home.title` — never as text written in a component (a test fails on that). The lock's
// screens, drawn before the whole catalogue has loaded, read their part with `useLockText()`.
import { useContext } from 'preact/hooks';
import { enGB } from '../../domain/words/en-GB/index.ts';
import { enGBLock, type LockMessages, type Messages } from '../../domain/words/index.ts';
import { TextContext } from './lockText.ts';

export { LANGUAGE_NAME, TextContext } from './lockText.ts';

const isWhole = (words: LockMessages): words is Messages => 'home' in words;

/** The whole catalogue: screens behind the Lock screen, which render only once it has loaded. */
export function useText(): Messages {
  const words = useContext(TextContext);
  if (isWhole(words)) return words;
  // No provider (a component rendered on its own, as in a unit test): English, as before the split.
  if (words === enGBLock) return enGB;
  throw new Error('A screen was drawn before its words loaded: only the lock screens may be');
}
