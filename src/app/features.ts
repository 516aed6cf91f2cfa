// The features' controllers, composed: each builds its own signals and port (src/app/<feature>/);
// here they are created in the order they need each other, and their state and ports gathered for
// the screens' AppContext.
import type { SettingsStore } from '../store/settings/settings.ts';
import type { AppContextValue, AppState } from '../ui/actions.ts';
import type { DataLoader } from './dataLoader.ts';
import { createDeviceController } from './device.ts';
import { createDirectoryController } from './directory/directoryController.ts';
import type { ErrorHandler } from './errors.ts';
import type { Privacy } from './lock/privacy.ts';
import type { SaveHooks } from './saveHooks.ts';
import { createSendController } from './send/sendController.ts';
import { createSessionController } from './session/sessionController.ts';
import type { LoadedDisplay } from './settings/display.ts';
import { createSettingsController } from './settings/settingsController.ts';
import { createStoryController } from './story/storyController.ts';
import { createScreenWake } from './story/wakeLock.ts';

export type Base = {
  store: SettingsStore;
  display: LoadedDisplay;
  privacy: Privacy;
  loader: DataLoader;
  saveHooks: SaveHooks;
  errors: ErrorHandler;
};

export function createFeatures({ store, display, privacy, loader, saveHooks, errors }: Base) {
  // Sealed at rest: the defaults (no API address) until an unlock opens them.
  const settings = createSettingsController(store, display, privacy, loader);
  const autoLockMinutes = () => settings.state.settings.value.autoLockMinutes;
  const story = createStoryController(loader, saveHooks, createScreenWake(navigator.wakeLock, document));
  const onChange = story.reload;
  const { reportError } = errors;
  const sessionIdleHours = () => settings.state.settings.value.sessionIdleHours;
  const deps = { store, sessionIdleHours, onChange, privacy, saveHooks, reportError };
  const session = createSessionController(deps);
  const send = createSendController(loader, settings.state.settings);
  const directory = createDirectoryController(loader, settings.state.settings, reportError);
  const device = createDeviceController(saveHooks, send.idle);
  return { settings, autoLockMinutes, story, session, send, directory, device };
}

export type Features = ReturnType<typeof createFeatures>;

/** What the screens read (every feature's signals) and act through (each feature's port). */
export function appValue(f: Features, errors: ErrorHandler): AppContextValue {
  const state: AppState = {
    ...f.settings.state,
    ...f.story.state,
    ...f.send.state,
    ...f.directory.state,
    ...f.device.state,
    session: f.session.current,
    lapsedSession: f.session.lapsed,
    sessionKnown: f.session.known,
    failure: errors.failure,
  };
  const { settings, device, directory, send, story, session } = f;
  const ports = {
    settings: settings.actions,
    device: device.actions,
    directory: directory.actions,
    send: send.actions,
    story: story.actions,
    session: session.actions,
    errors: { reportError: errors.reportError, dismissError: errors.dismissError },
  };
  return { state, ports };
}
