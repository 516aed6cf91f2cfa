// Device settings: their schema, defaults and the rules for the API address. Settings hold no
// personal data: only organisation-wide choices (who is collecting now is the session, session.ts).
import * as z from 'zod/mini';
import { DEFAULT_AUTO_LOCK_MINUTES } from '../lock/autoLock.ts';
import { type AddressProblem, readSetupNote, type SetupNote } from './settingsProblem.ts';

/** The rules' answers: the English catalogue's texts, worded on screen in the chosen language. */

export const RegionSchema = z.enum(['uk', 'au', 'ie', 'ca']);
export type Region = z.infer<typeof RegionSchema>;

const text = () => z._default(z.string(), '');

export const SettingsSchema = z.object({
  apiAddress: text(),
  key: text(),
  /** This iPad's token at the organisation's relay (sealed with the settings); then no key is kept. */
  relayToken: text(),
  /** The id that relay gave this iPad when it connected (issue 26: named inside a sealed file). */
  relayDeviceId: text(),
  /**
   * That relay's public export key as it publishes it (`GET /relay/export-key`, issue 26), kept to seal
   * files of unsent stories to it. Opaque here: the shared contract's `ExportKeySchema` checks it where
   * it is used (loaded with the export), so Settings do not carry the sealing code.
   */
  relayExportKey: z._default(z.unknown(), null),
  /**
   * That relay's posting desk (issue 27): its public key as `GET /api/v2/desk/key` gives it, `'none'`
   * when the relay answered that it has no desk (404), null while not known. Opaque here, like the
   * export key: the desk contract's `DeskKeySchema` checks it where it is used.
   */
  relayDeskKey: z._default(z.unknown(), null),
  region: z._default(RegionSchema, 'uk'),
  organisation: text(),
  organisationPostcode: text(),
  // No staff name, role, service or focus theme (stored until issue 15): they belong to whoever is
  // collecting now, the collecting session (session.ts). Old records lose them when read (unknown keys
  // are dropped) — not carried into a session, because on a shared iPad they were usually someone else's.
  introduction: text(),
  onBehalfThreshold: z._default(z.number().check(z.minimum(0), z.maximum(1)), 0.05),
  autoLockMinutes: z._default(z.number().check(z.minimum(1), z.maximum(60)), DEFAULT_AUTO_LOCK_MINUTES),
  /** The long idle that ends a collecting session (session.ts); never shorter than the longest auto-lock. */
  sessionIdleHours: z._default(z.number().check(z.minimum(1), z.maximum(12)), 2),
  directoryRefreshDays: z._default(z.number().check(z.minimum(1), z.maximum(90)), 7),
  /** "How stories reach Care Opinion": see deliveryMode for what applies. */
  /** `desk` (issue 27): sealed to the relay's posting desk, where the organisation's lead posts them. */
  delivery: z._default(z.enum(['automatic', 'by-hand', 'desk']), 'automatic'),
  /** The organisation's Care Opinion invitation link; empty: the region's "Tell your story" page. */
  invitationLink: text(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Reads stored settings leniently: an old or damaged field falls back to its default. */
export function readSettings(raw: unknown): Settings {
  const whole = SettingsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const out: Record<string, unknown> = {};
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  for (const [name, field] of Object.entries(SettingsSchema.def.shape)) {
    const one = field.safeParse(source[name]);
    out[name] = one.success ? one.data : (DEFAULT_SETTINGS as Record<string, unknown>)[name];
  }
  return out as Settings;
}

/** `/app-config.json`: what an organisation ships with a deployment (API.md, first-run configuration). */
export const AppConfigSchema = z.object({
  apiAddress: z.optional(z.string()),
  key: z.optional(z.string()),
  region: z.optional(RegionSchema),
  organisation: z.optional(z.string()),
  onBehalfThreshold: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
});
export type AppConfig = z.infer<typeof AppConfigSchema>;

export type AddressCheck = { ok: true; address: string } | { ok: false; reason: AddressProblem };

// Only these two: the Content Security Policy allows plain http to them and nowhere else.
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/** The API address must be https, or plain http only for a relay or sandbox on this device. */
export function checkApiAddress(value: string): AddressCheck {
  const trimmed = value.trim().replace(/\/+$/, '');
  if (trimmed === '') return { ok: false, reason: 'enterApiAddress' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    // not a URL (new URL throws only a TypeError)
    return { ok: false, reason: 'notWebAddress' };
  }
  if (url.protocol === 'https:') return { ok: true, address: trimmed };
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return { ok: true, address: trimmed };
  return {
    ok: false,
    reason: 'useHttps',
  };
}

export type DeliveryMode = Settings['delivery'];

/** How stories reach Care Opinion: by hand when chosen, and always when there is no API address. */
export function deliveryMode(settings: Pick<Settings, 'apiAddress' | 'delivery'>): DeliveryMode {
  return settings.apiAddress.trim() === '' ? 'by-hand' : settings.delivery;
}

export type ConfigAdoption =
  | { kind: 'adopted'; settings: Settings; note: SetupNote }
  | { kind: 'ignored'; note: SetupNote };

/** First run: adopt a deployment's app-config.json into default settings, or say why not. */
export function adoptAppConfig(raw: unknown): ConfigAdoption {
  const parsed = AppConfigSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'ignored', note: { code: 'configInvalid' } };
  const config = parsed.data;
  const address = config.apiAddress === undefined ? undefined : checkApiAddress(config.apiAddress);
  if (address && !address.ok) {
    return { kind: 'ignored', note: { code: 'addressIgnored', reason: address.reason } };
  }
  const settings = readSettings({
    ...DEFAULT_SETTINGS,
    ...config,
    ...(address?.ok ? { apiAddress: address.address } : {}),
  });
  return {
    kind: 'adopted',
    settings,
    note: { code: 'configAdopted' },
  };
}

/**
 * What is sealed in the device store: the settings, the note on how they were set up, and whether a
 * destination (API address) has ever been chosen — from then on, changing it needs the recovery code.
 */
export type StoredSettings = { settings: Settings; note: SetupNote | null; destinationChosen: boolean };

/** Reads an opened (unsealed) record leniently, like readSettings. */
export function readStoredSettings(raw: unknown): StoredSettings {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const settings = readSettings(source.settings);
  return {
    settings,
    note: readSetupNote(source.note),
    destinationChosen: source.destinationChosen === true || settings.apiAddress !== '',
  };
}

/**
 * Changing where stories go — a new API address, subscription key (or relay), or how they reach Care
 * Opinion (sent, or posted by hand) — once a destination has been chosen needs the recovery code, not
 * only the PIN: someone who learnt the PIN by watching cannot send the device's stories elsewhere.
 * Clearing the address (which only stops sending) does not.
 */
export function destinationChangeNeedsCode(
  saved: StoredSettings,
  next: Pick<Settings, 'apiAddress' | 'key'> & Partial<Pick<Settings, 'delivery'>>,
): boolean {
  if (!saved.destinationChosen || next.apiAddress.trim() === '') return false;
  const delivery = next.delivery !== undefined && next.delivery !== saved.settings.delivery;
  return delivery || next.apiAddress !== saved.settings.apiAddress || next.key !== saved.settings.key;
}

/** Fields older versions kept in Settings; now the collecting session's (session.ts). */
const DROPPED_FIELDS = ['staffName', 'staffRole', 'serviceName', 'focusTheme'] as const;

/** An opened record still holding a dropped field: rewrite it, so the old name leaves the device. */
export function holdsDroppedFields(raw: unknown): boolean {
  const settings = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).settings : null;
  return typeof settings === 'object' && settings !== null && DROPPED_FIELDS.some((f) => f in settings);
}

/** The record to store after saving `next` over `saved`. */
export function storedAfterSave(saved: StoredSettings, next: Settings): StoredSettings {
  return { settings: next, note: null, destinationChosen: saved.destinationChosen || next.apiAddress !== '' };
}
