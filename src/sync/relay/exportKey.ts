// What a sealed file needs from the relay (issue 26), asked with this iPad's token: its public export
// key (`GET {apiBase}/relay/export-key`), fetched at "Connect" and again with each status report (an
// iPad connected before the key existed, or a relay whose key was replaced), and the id it knows this
// iPad by (`GET {apiBase}/devices/me`), for an iPad connected before the app kept it. Public facts:
// nothing secret, kept with the relay's settings.
import * as z from 'zod/mini';
import { type ExportKey, ExportKeySchema } from '../../domain/fleet/sealedFile.ts';
import type { Fetch } from '../client.ts';
import { unreadableBody } from '../networkFailure.ts';
import { askRelay } from './relay.ts';

/** The key as the relay publishes it, or null: not reachable, refused, or not a key (quietly: it is asked again later). */
export async function fetchExportKey(
  fetch: Fetch,
  apiBase: string,
  token: string,
): Promise<ExportKey | null> {
  const parsed = ExportKeySchema.safeParse(await getJson(fetch, `${apiBase}/relay/export-key`, token));
  return parsed.success ? parsed.data : null;
}

const DeviceIdSchema = z.object({ deviceId: z.string().check(z.minLength(1), z.maxLength(200)) });

/** The id the relay knows this iPad by, or null (quietly, as the key). */
export async function fetchDeviceId(fetch: Fetch, apiBase: string, token: string): Promise<string | null> {
  const parsed = DeviceIdSchema.safeParse(await getJson(fetch, `${apiBase}/devices/me`, token));
  return parsed.success ? parsed.data.deviceId : null;
}

/** A 200's JSON, or null for anything else: no network, no answer in time, a refusal, not JSON. */
async function getJson(fetch: Fetch, url: string, token: string): Promise<unknown> {
  const res = await askRelay(fetch, url, {
    method: 'GET',
    headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
  });
  return res?.status === 200 ? res.json().catch(unreadableBody) : null;
}

/** A kept key (opaque in Settings) read back with the contract's schema: null when missing or damaged. */
export function readExportKey(kept: unknown): ExportKey | null {
  const parsed = ExportKeySchema.safeParse(kept);
  return parsed.success ? parsed.data : null;
}
