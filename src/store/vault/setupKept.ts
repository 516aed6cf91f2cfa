// What setting the iPad up must not lose when the app closes half way (issue 24.9), in the device
// store beside the vault record:
// - the recovery code, from "Set PIN" (or a reset) until "I have saved the code": sealed with the
//   vault's key, so it shows again after the next unlock, and never in plain text;
// - an enrolment link opened before it was used with "Connect": in plain text only while there is no
//   vault to seal it with (a relay address and a one-time code, nothing about anyone), then sealed at
//   the first unlock, and deleted once "Connect" has used it.
import { del, get, set } from 'idb-keyval';
import type { SettingsStore } from '../settings/settings.ts';
import { type Cipher, openPayload } from './cipher.ts';
import { recordAad } from './vaultCrypto.ts';

const RECOVERY = 'recovery-code-unsaved';
const recoveryAad = recordAad(RECOVERY, 1);
const LINK_PLAIN = 'enrolment-link-before-pin';
const LINK = 'enrolment-link';
const linkAad = recordAad(LINK, 1);

export type EnrolmentLink = { relay: string; code: string };

export async function keepRecoveryCode(store: SettingsStore, cipher: Cipher, code: string): Promise<void> {
  await set(RECOVERY, await cipher.seal({ code }, recoveryAad), store);
}

/** The recovery code not yet confirmed as saved, or null (none, or it cannot be opened). */
export async function keptRecoveryCode(store: SettingsStore, cipher: Cipher): Promise<string | null> {
  const stored = await get(RECOVERY, store);
  if (stored === undefined) return null;
  const opened = (await openPayload(cipher, stored, recoveryAad)) as { code?: unknown } | undefined;
  return typeof opened?.code === 'string' ? opened.code : null;
}

export const forgetRecoveryCode = (store: SettingsStore): Promise<void> => del(RECOVERY, store);

const asLink = (value: unknown): EnrolmentLink | null => {
  const link = value as Partial<EnrolmentLink> | null | undefined;
  return typeof link?.relay === 'string' && typeof link.code === 'string'
    ? { relay: link.relay, code: link.code }
    : null;
};

/** Before an unlock: the link waits in plain text (there may be no vault yet to seal it with). */
export const keepLinkUntilUnlock = (store: SettingsStore, link: EnrolmentLink): Promise<void> =>
  set(LINK_PLAIN, { relay: link.relay, code: link.code }, store);

/** After an unlock: a link waiting in plain text is sealed (the plain copy deleted); the waiting link, or null. */
export async function keptLink(store: SettingsStore, cipher: Cipher): Promise<EnrolmentLink | null> {
  const plain = asLink(await get(LINK_PLAIN, store));
  if (plain) {
    await set(LINK, await cipher.seal(plain, linkAad), store);
    await del(LINK_PLAIN, store);
    return plain;
  }
  const stored = await get(LINK, store);
  return stored === undefined ? null : asLink(await openPayload(cipher, stored, linkAad));
}

/** "Connect" used it: no copy is left. */
export async function forgetLink(store: SettingsStore): Promise<void> {
  await del(LINK_PLAIN, store);
  await del(LINK, store);
}
