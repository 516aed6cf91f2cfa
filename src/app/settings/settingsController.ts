// The settings feature's controller: the display (language, theme, text size), the sealed device
// settings and an enrolment link waiting for "Connect", and the settings port. Saving and "Connect"
// load on use (settingsSaves.ts), where the domain's rules of a save (settingsChange) are applied.
import { signal } from '@preact/signals';
import { type FetchedRelayFacts, readEnrolLink } from '../../domain/settings/relay.ts';
import type { SettingsStore } from '../../store/settings/settings.ts';
import type { Cipher } from '../../store/vault/cipher.ts';
import type { AppState, SettingsActions } from '../../ui/actions.ts';
import type { DataLoader } from '../dataLoader.ts';
import type { Privacy } from '../lock/privacy.ts';
import type { LoadedDisplay } from './display.ts';
import { createDeviceSettings } from './settings.ts';

/** Loaded with the vault, outside Home's first download. */
const kept = () => import('../../store/vault/setupKept.ts');

type SettingsState = Pick<
  AppState,
  | 'display'
  | 'messages'
  | 'settings'
  | 'setupNote'
  | 'destinationChosen'
  | 'settingsReady'
  | 'pendingEnrolment'
>;

export type SettingsFeature = {
  state: SettingsState;
  actions: SettingsActions;
  /** After an unlock: opens the sealed settings (or adopts app-config.json on first run). */
  load(cipher: Cipher): Promise<void>;
  /** Keeps the relay's export key or this iPad's id, fetched later (issue 26), if still on the relay of `token`. */
  keepRelayFacts(facts: FetchedRelayFacts, token: string): Promise<void>;
};

export function createSettingsController(
  store: SettingsStore,
  display: LoadedDisplay,
  privacy: Pick<Privacy, 'cipher' | 'checkRecoveryCode'>,
  loader: DataLoader,
): SettingsFeature {
  const device = createDeviceSettings({ store, ...privacy });
  // Opened from an enrolment link (the relay's QR code): the relay and code wait for "Connect",
  // kept through PIN set-up and reloads (store/vault/setupKept.ts: plain until the first unlock, then sealed).
  const pendingEnrolment = signal(readEnrolLink(window.location.hash));
  const opened = pendingEnrolment.value;
  if (opened) {
    // Out of the address bar once kept (a reload before then reads it from the address again).
    void kept()
      .then((m) => m.keepLinkUntilUnlock(store, opened))
      .catch(() => undefined) // not stored: kept in this page only
      .finally(() => history.replaceState(null, '', window.location.pathname));
  }
  const deps = { device, privacy, loader, pendingEnrolment, store };
  const saves = () => import('./settingsSaves.ts');
  /** After an unlock, before the Settings form starts: a link kept from before (a reload, PIN set-up) waits again. */
  const restoreLink = async (cipher: Cipher) => {
    // Unreadable (the store refused): nothing waits; the link can be opened again.
    const link = await (await kept()).keptLink(store, cipher).catch(() => null);
    if (link && !pendingEnrolment.value) pendingEnrolment.value = link;
  };
  return {
    state: {
      display: display.display,
      messages: display.messages,
      settings: device.settings,
      setupNote: device.setupNote,
      destinationChosen: device.destinationChosen,
      settingsReady: device.ready,
      pendingEnrolment,
    },
    actions: {
      saveDisplay: (next) => display.save(next),
      saveSettings: async (typed, code) => (await saves()).saveSettings(deps, typed, code),
      connectRelay: async (relay, code, recovery) => (await saves()).connect(deps, relay, code, recovery),
      testConnection: (apiAddress, key) =>
        loader.withData((d) => d.testConnection(device.settings.value, apiAddress, key)),
    },
    load: async (cipher) => {
      await restoreLink(cipher);
      await device.load(cipher);
    },
    keepRelayFacts: (facts, token) => device.keepRelayFacts(facts, token),
  };
}
