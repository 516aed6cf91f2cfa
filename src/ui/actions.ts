// The one facade through which screens read state and act. The composition root (src/app)
// builds it from store and sync; ui declares its type so it never imports app.
import type { ReadonlySignal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Settings } from '../domain/settings.ts';
import type { StorageStatus } from '../domain/storage.ts';

export type SaveResult = { ok: true } | { ok: false; reason: string };

export type AppState = {
  settings: ReadonlySignal<Settings>;
  /** How settings were first set up, or why a set-up file was ignored. */
  setupNote: ReadonlySignal<string | null>;
  storage: ReadonlySignal<StorageStatus>;
  /** navigator.onLine: only a hint (PLATFORM.md). */
  onlineHint: ReadonlySignal<boolean>;
  updateWaiting: ReadonlySignal<boolean>;
  /** Installed to the Home Screen (standalone), where Safari keeps storage. */
  standalone: ReadonlySignal<boolean>;
  buildId: string;
};

export type Actions = {
  saveSettings(settings: Settings): Promise<SaveResult>;
  /** Saves open work, then switches to the waiting version of the app. */
  applyUpdate(): Promise<void>;
  refreshStorageStatus(): Promise<void>;
};

export type AppContextValue = { state: AppState; actions: Actions };

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('AppContext missing: render screens inside <App>');
  return value;
}
