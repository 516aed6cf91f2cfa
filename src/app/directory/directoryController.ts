// The directory feature's controller: its status (read from the data layer once loaded), the
// directory port (refresh, cancel, search, a service chosen), and when a refresh is due.
import { computed, type ReadonlySignal } from '@preact/signals';
import type { Settings } from '../../domain/settings/settings.ts';
import type { AppState, DirectoryActions, DirectoryStatus } from '../../ui/actions.ts';
import type { DataLoader } from '../dataLoader.ts';

const NO_DIRECTORY: DirectoryStatus = { phase: 'idle', count: 0, ready: false };

export type DirectoryFeature = {
  state: Pick<AppState, 'directory'>;
  actions: DirectoryActions;
  /** After an unlock (settings readable) and back online (navigator.onLine is only a hint). */
  refreshIfDue(): void;
  /** Once the data layer is loaded: the stored directory read into memory, and refreshes when online. */
  start(): Promise<void>;
};

export function createDirectoryController(
  loader: DataLoader,
  settings: ReadonlySignal<Settings>,
  reportError: (error: unknown) => void,
): DirectoryFeature {
  const { withData } = loader;
  const refreshIfDue = () =>
    void withData((d) => d.directory.refreshIfDue(settings.value)).catch(reportError);
  return {
    state: { directory: computed(() => loader.data.value?.directory.status.value ?? NO_DIRECTORY) },
    actions: {
      refreshDirectory: () => withData((d) => d.directory.refresh(settings.value, true)),
      cancelDirectoryRefresh: () => loader.data.value?.directory.cancel(),
      searchServices: (query, type) => withData((d) => d.directory.search(query, type)),
      noteServiceChosen: (nacs) => void withData((d) => d.directory.chosen(nacs)).catch(reportError),
    },
    refreshIfDue,
    async start() {
      // After the first render: a failure here must not replace the app with the start-up message.
      await withData((d) => d.directory.load()).catch(reportError);
      window.addEventListener('online', refreshIfDue);
    },
  };
}
