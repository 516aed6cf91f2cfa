// The display choices as the Lock screen's language button uses them, before the rest of the app
// has loaded: the stored choices and how to save one (src/app/settings/display.ts builds it).
import type { ReadonlySignal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Display } from '../../domain/settings/display.ts';

export type DisplayPort = {
  display: ReadonlySignal<Display>;
  /** Stores and applies `next` (its words loaded first); why not, as a code worded by `common`. */
  save(next: Display): Promise<{ ok: true } | { ok: false; reason: 'displayNotSaved' }>;
};

export const DisplayContext = createContext<DisplayPort | null>(null);

export function useDisplayPort(): DisplayPort {
  const value = useContext(DisplayContext);
  if (!value)
    throw new Error('DisplayContext missing: render the Lock screen inside DisplayContext.Provider');
  return value;
}
