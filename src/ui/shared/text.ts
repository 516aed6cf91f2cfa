// The interface words of the chosen language. Every screen reads its words here — `const t = useText()`,
// then `t.home.title` — never as text written in a component (a test fails on that).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { enGB, type Messages } from '../../domain/messages/index.ts';

export const TextContext = createContext<Messages>(enGB);

export function useText(): Messages {
  return useContext(TextContext);
}
