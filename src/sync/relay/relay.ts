// Talking to the organisation's relay as a device (relay/README.md, "Device API"): enrolling this
// iPad with a one-time code, and the whole directory in one download.
import { enrolmentRefusal } from '../../domain/settings/relay.ts';
import type { RelayProblem } from '../../domain/settings/settingsProblem.ts';
import type { Fetch } from '../client.ts';
import { isNetworkFailure, unreadableBody } from '../networkFailure.ts';

export type Enrolment = { ok: true; token: string; deviceId: string } | { ok: false; reason: RelayProblem };

const TIMEOUT_MS = 30_000;

/**
 * One call to the relay outside the send queue (enrolment, the export key, this iPad's id): no
 * cookies, no cache, no redirects followed, 30 s at most. Null when there was no answer at all (no
 * network, or none in time); anything else unexpected is thrown.
 */
export async function askRelay(fetch: Fetch, url: string, init: RequestInit): Promise<Response | null> {
  try {
    return await fetch(url, {
      ...init,
      redirect: 'manual',
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    // no network, or no answer in time
    if (!isNetworkFailure(error)) throw error;
    return null;
  }
}

/** `POST {apiBase}/devices`: the code for this iPad's token (shown once; kept sealed). */
export async function enrolDevice(
  fetch: Fetch,
  apiBase: string,
  code: string,
  name: string,
): Promise<Enrolment> {
  const res = await askRelay(fetch, `${apiBase}/devices`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ code, name }),
  });
  if (res === null) return { ok: false, reason: 'relayUnreachable' };
  const body = (await res.json().catch(unreadableBody)) as {
    token?: unknown;
    deviceId?: unknown;
    error?: unknown;
  } | null;
  if (res.status === 201 && typeof body?.token === 'string' && typeof body.deviceId === 'string') {
    return { ok: true, token: body.token, deviceId: body.deviceId };
  }
  return { ok: false, reason: enrolmentRefusal(res.status, body?.error) };
}
