// The interface words of the chosen language. Every screen reads its words here — `const t = useText()`,
// then `t.home.title` — never as text written in a component (a test fails on that).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { enGB, type Language, type Messages } from '../../domain/words/index.ts';

export const TextContext = createContext<Messages>(enGB);

export function useText(): Messages {
  return useContext(TextContext);
}

/** Which of the catalogue's words names each language, in that language ("English", "Cymraeg"). */
export const LANGUAGE_NAME = { 'en-GB': 'english', cy: 'welsh' } as const satisfies Record<Language, string>;
