// Loads settings at start-up; on first run adopts the deployment's /app-config.json (API.md).
import { adoptAppConfig, DEFAULT_SETTINGS, type Settings } from '../domain/settings.ts';
import {
  getSettings,
  getSetupNote,
  type SettingsStore,
  saveSettings,
  saveSetupNote,
} from '../store/settings.ts';
import { fetchAppConfig } from '../sync/appConfig.ts';

export async function loadSettings(
  store: SettingsStore,
): Promise<{ settings: Settings; note: string | null }> {
  const saved = await getSettings(store);
  if (saved) return { settings: saved, note: await getSetupNote(store) };
  const raw = await fetchAppConfig();
  if (raw === null) return { settings: DEFAULT_SETTINGS, note: null };
  const adoption = adoptAppConfig(raw);
  if (adoption.kind === 'ignored') return { settings: DEFAULT_SETTINGS, note: adoption.note };
  await saveSettings(store, adoption.settings);
  await saveSetupNote(store, adoption.note);
  return { settings: adoption.settings, note: adoption.note };
}
