// Device settings in the page. They are sealed at rest, so they can be read only after an unlock:
// until then every reader (the send queue, the directory refresh, the screens) gets the defaults —
// no API address, so nothing is sent or fetched. On first run (no settings yet) the deployment's
// /app-config.json is adopted after the PIN is set, and sealed at once (API.md).
import { type Signal, signal } from '@preact/signals';
import type { FetchedRelayFacts } from '../../domain/settings/relay.ts';
import {
  adoptAppConfig,
  DEFAULT_SETTINGS,
  destinationChangeNeedsCode,
  type Settings,
  type StoredSettings,
  storedAfterSave,
} from '../../domain/settings/settings.ts';
import type { SettingsProblem, SetupNote } from '../../domain/settings/settingsProblem.ts';
import { getSettings, type SettingsStore, saveSettings } from '../../store/settings/settings.ts';
import type { Cipher } from '../../store/vault/cipher.ts';
import { fetchAppConfig } from '../../sync/appConfig.ts';
import type { LockProblem, SaveResult } from '../../ui/actions.ts';

export type DeviceSettings = {
  settings: Signal<Settings>;
  setupNote: Signal<SetupNote | null>;
  /** A destination has been chosen: changing it needs the recovery code. */
  destinationChosen: Signal<boolean>;
  /** The sealed settings have been opened (or set up) in this page: the Settings form may start. */
  ready: Signal<boolean>;
  /** After an unlock: opens the sealed settings, or adopts app-config.json on first run. */
  load(cipher: Cipher): Promise<void>;
  /** Seals and stores `next`; a new destination needs the recovery code (checked by `checkCode`). */
  save(next: Settings, recoveryCode: string | undefined): Promise<SaveResult>;
  /**
   * The relay's export key, fetched after "Connect" (issue 26): kept only while the iPad is still on the
   * relay whose `token` fetched it (a public key: it changes nothing about where stories go).
   */
  keepRelayFacts(facts: FetchedRelayFacts, token: string): Promise<void>;
};

export type DeviceSettingsDeps = {
  store: SettingsStore;
  /** The vault's cipher: sealing fails while locked. */
  cipher: Cipher;
  checkRecoveryCode(code: string): Promise<{ ok: true } | { ok: false; reason: LockProblem }>;
};

const NOT_SAVED = 'notSaved' satisfies SettingsProblem;

export function createDeviceSettings(deps: DeviceSettingsDeps): DeviceSettings {
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const setupNote = signal<SetupNote | null>(null);
  const destinationChosen = signal(false);
  const ready = signal(false);
  const current = (): StoredSettings => ({
    settings: settings.value,
    note: setupNote.value,
    destinationChosen: destinationChosen.value,
  });
  const show = (stored: StoredSettings) => {
    settings.value = stored.settings;
    setupNote.value = stored.note;
    destinationChosen.value = stored.destinationChosen;
  };

  async function firstRun(cipher: Cipher): Promise<StoredSettings> {
    const raw = await fetchAppConfig();
    if (raw === null) return { settings: DEFAULT_SETTINGS, note: null, destinationChosen: false };
    const adoption = adoptAppConfig(raw);
    if (adoption.kind === 'ignored')
      return { settings: DEFAULT_SETTINGS, note: adoption.note, destinationChosen: false };
    const stored = {
      settings: adoption.settings,
      note: adoption.note,
      destinationChosen: adoption.settings.apiAddress !== '',
    };
    await saveSettings(deps.store, cipher, stored);
    return stored;
  }

  return {
    settings,
    setupNote,
    destinationChosen,
    ready,
    async load(cipher) {
      try {
        show((await getSettings(deps.store, cipher)) ?? (await firstRun(cipher)));
      } finally {
        ready.value = true;
      }
    },
    async save(next, recoveryCode) {
      const saved = current();
      if (destinationChangeNeedsCode(saved, next)) {
        if (!recoveryCode?.trim()) return { ok: false, reason: 'needsCode' };
        const code = await deps.checkRecoveryCode(recoveryCode);
        if (!code.ok) return code;
      }
      const stored = storedAfterSave(saved, next);
      try {
        await saveSettings(deps.store, deps.cipher, stored);
      } catch {
        // The disk refused the write (full, or the key gone while locking): the screen says so.
        return { ok: false, reason: NOT_SAVED };
      }
      show(stored);
      return { ok: true };
    },
    async keepRelayFacts(facts, token) {
      const saved = current();
      if (token === '' || saved.settings.relayToken !== token) return; // connected elsewhere since
      const stored = { ...saved, settings: { ...saved.settings, ...facts } };
      await saveSettings(deps.store, deps.cipher, stored);
      show(stored);
    },
  };
}
