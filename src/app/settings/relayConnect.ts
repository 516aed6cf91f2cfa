// "Connect" to the organisation's relay: check the address and (to a relay the deployment's
// app-config.json does not name in `relayOrigins`, first destination included) the recovery code first — a code is one-time, so it is spent only when the rest will succeed — then
// enrol this iPad and keep its token sealed with the settings, the subscription key dropped — with
// the id the relay gave it and the relay's export key (issue 26), which belong to that relay too.
import type { Signal } from '@preact/signals';
import { readRelayAddress } from '../../domain/settings/relay.ts';
import { relayConnectNeedsCode } from '../../domain/settings/relayTrust.ts';
import type { Settings } from '../../domain/settings/settings.ts';
import type { RelayProblem } from '../../domain/settings/settingsProblem.ts';
import type { LockProblem, SaveResult } from '../../ui/actions.ts';

export type RelayConnectDeps = {
  settings: Signal<Settings>;
  destinationChosen: Signal<boolean>;
  checkRecoveryCode(code: string): Promise<{ ok: true } | { ok: false; reason: LockProblem }>;
  save(next: Settings, recoveryCode: string | undefined): Promise<SaveResult>;
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  /** The relay origins the deployment names (app-config.json `relayOrigins`, read now); none when unknown. */
  trustedRelayOrigins(): Promise<string[]>;
};

const NEEDS_CODE = 'relayNeedsCode' satisfies RelayProblem;

export async function connectRelay(
  deps: RelayConnectDeps,
  relayAddress: string,
  code: string,
  recoveryCode: string | undefined,
): Promise<SaveResult> {
  const current = deps.settings.value;
  // "Connect again" (after a revoke): an iPad already on a relay keeps its address when none is typed.
  const typed = relayAddress.trim() === '' && current.relayToken !== '' ? current.apiAddress : relayAddress;
  const relay = readRelayAddress(typed);
  if (!relay.ok) return relay;
  if (code.trim() === '') return { ok: false, reason: 'enterEnrolment' };
  // A first destination: "Post them … myself", tapped while there was no address, gives way to the
  // relay being connected now (otherwise its stories would wait for a person, not be sent).
  const first = current.apiAddress.trim() === '';
  const moving = { apiAddress: relay.apiBase, key: '', ...(first ? { delivery: 'automatic' as const } : {}) };
  if (relayConnectNeedsCode(current, relay, await deps.trustedRelayOrigins())) {
    if (!recoveryCode) return { ok: false, reason: NEEDS_CODE };
    const checked = await deps.checkRecoveryCode(recoveryCode);
    if (!checked.ok) return checked;
  }
  const [{ enrolDevice }, { fetchExportKey }, { fetchDeskKey }] = await Promise.all([
    import('../../sync/relay/relay.ts'),
    import('../../sync/relay/exportKey.ts'),
    import('../../sync/relay/deskKey.ts'),
  ]);
  const name = current.organisation.trim() || 'iPad';
  const enrolled = await enrolDevice(deps.fetch, relay.apiBase, code.trim(), name);
  if (!enrolled.ok) return enrolled;
  // The relay's export key (issue 26), to seal files of unsent stories to it: not there (an older
  // relay, a dropped answer), the iPad connects anyway and asks for it again later while online.
  // And its posting desk's key (issue 27), or that it has none: Settings offer the desk only then.
  const [exportKey, deskKey] = await Promise.all([
    fetchExportKey(deps.fetch, relay.apiBase, enrolled.token),
    fetchDeskKey(deps.fetch, relay.apiBase, enrolled.token),
  ]);
  const facts = {
    relayToken: enrolled.token,
    relayDeviceId: enrolled.deviceId,
    relayExportKey: exportKey,
    relayDeskKey: deskKey,
  };
  return deps.save({ ...current, ...moving, ...facts }, recoveryCode);
}
