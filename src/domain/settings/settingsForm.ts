// Settings' form: the values as typed, checked with the settings schema and the API-address,
// invitation-link and postcode rules — the settings to save, or what is wrong with each field — and
// what saving them means (settingsChange): the one place for the rules of a settings save.
import { checkPostcode } from '../fields/postcode.ts';
import { checkInvitationLink } from '../regions/regions.ts';
import {
  checkApiAddress,
  type DeliveryMode,
  deliveryMode,
  destinationChangeNeedsCode,
  type Settings,
  SettingsSchema,
  type StoredSettings,
} from './settings.ts';
import type { SettingsFieldProblem } from './settingsProblem.ts';

/** What is wrong with each field, as a code (Settings words it). */
export type SettingsErrors = Partial<Record<keyof Settings, SettingsFieldProblem>>;

/** The policy numbers as typed (a percentage, minutes, hours), so a half-typed number stays as it is. */
export type PolicyText = { thresholdPercent: string; autoLockMinutes: string; sessionIdleHours: string };

const toText = (n: number) => String(Math.round(n * 1000) / 1000);
const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

/** The policy numbers of `settings` as the form shows them. */
export function policyText(settings: Settings): PolicyText {
  return {
    thresholdPercent: toText(settings.onBehalfThreshold * 100),
    autoLockMinutes: toText(settings.autoLockMinutes),
    sessionIdleHours: toText(settings.sessionIdleHours),
  };
}

/** The typed form as settings, or what is wrong with each field. */
export function checkSettingsForm(
  draft: Settings,
  policy: PolicyText,
): { settings?: Settings; errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  const address = draft.apiAddress.trim() === '' ? null : checkApiAddress(draft.apiAddress);
  if (address && !address.ok) errors.apiAddress = address.reason;
  const invitation = draft.invitationLink.trim() === '' ? null : checkInvitationLink(draft.invitationLink);
  if (invitation && !invitation.ok) errors.invitationLink = invitation.reason;
  const postcode = draft.organisationPostcode.trim();
  const checked = postcode === '' ? null : checkPostcode(postcode, draft.region);
  if (checked && !checked.ok) errors.organisationPostcode = { code: checked.code, region: checked.region };
  const candidate = {
    ...draft,
    apiAddress: address?.ok ? address.address : '',
    invitationLink: invitation?.ok ? invitation.address : '',
    organisationPostcode: checked?.ok ? checked.postcode : postcode,
    onBehalfThreshold: toNumber(policy.thresholdPercent) / 100,
    autoLockMinutes: toNumber(policy.autoLockMinutes),
    sessionIdleHours: toNumber(policy.sessionIdleHours),
  };
  const parsed = SettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '') as keyof Settings;
      if (field === 'onBehalfThreshold') errors.onBehalfThreshold = 'percentage';
      else if (field === 'autoLockMinutes') errors.autoLockMinutes = 'minutes';
      else if (field === 'sessionIdleHours') errors.sessionIdleHours = 'hours';
      else errors[field] ??= 'notAccepted';
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { settings: parsed.data, errors };
}

/**
 * The key field is never filled with the saved key (it would go wherever an address is typed): left
 * empty, it keeps the saved key for the saved address; a new address takes only a key typed for it.
 */
export function withSavedKey<T extends Pick<Settings, 'apiAddress' | 'key'>>(saved: Settings, typed: T): T {
  if (typed.key.trim() !== '') return typed;
  const address = checkApiAddress(typed.apiAddress);
  const apiAddress = address.ok ? address.address : typed.apiAddress.trim();
  return apiAddress === saved.apiAddress ? { ...typed, key: saved.key } : { ...typed, key: '' };
}

/** Whether the form as typed changes where stories go (so it asks for the recovery code): the
 * address read as the API address rule reads it. */
export function typedChangeNeedsCode(
  stored: StoredSettings,
  typed: Pick<Settings, 'apiAddress' | 'key' | 'delivery'>,
): boolean {
  const address = checkApiAddress(typed.apiAddress);
  const apiAddress = address.ok ? address.address : typed.apiAddress.trim();
  return destinationChangeNeedsCode(stored, { apiAddress, key: typed.key, delivery: typed.delivery });
}

/**
 * What saving the form's `typed` settings over `previous` means — the one place for these rules:
 * - a relay's token, the id it gave this iPad and its export key belong to that relay: a new address
 *   drops them; the same address keeps the device's own (never the form's copy, which may predate an
 *   export key fetched since the form opened) (`next`);
 * - "How stories reach Care Opinion" changed: stories never tried move to the new way (`moveTo`);
 * - a new address or key means a new directory, fetched by itself (`newDirectory`).
 */
export type SettingsChange = { next: Settings; moveTo: DeliveryMode | null; newDirectory: boolean };

type RelayFacts = Pick<Settings, 'relayToken' | 'relayDeviceId' | 'relayExportKey' | 'relayDeskKey'>;
const NO_RELAY: RelayFacts = { relayToken: '', relayDeviceId: '', relayExportKey: null, relayDeskKey: null };
const relayOf = ({ relayToken, relayDeviceId, relayExportKey, relayDeskKey }: Settings): RelayFacts => ({
  relayToken,
  relayDeviceId,
  relayExportKey,
  relayDeskKey,
});

export function settingsChange(previous: Settings, typed: Settings): SettingsChange {
  const next = { ...typed, ...(typed.apiAddress === previous.apiAddress ? relayOf(previous) : NO_RELAY) };
  const moved = deliveryMode(previous) !== deliveryMode(next);
  const connection = next.apiAddress !== previous.apiAddress || next.key !== previous.key;
  return {
    next,
    moveTo: moved ? deliveryMode(next) : null,
    newDirectory: connection && next.apiAddress !== '',
  };
}
