// The relay's public export key (issue 26): `GET {apiBase}/relay/export-key` with this iPad's token,
// fetched at "Connect" and, on an iPad connected before the key existed, later while online. A
// public key: nothing secret in it, kept with the relay's settings to seal files of unsent stories.
import { type ExportKey, ExportKeySchema } from '../../domain/fleet/sealedFile.ts';
import type { Fetch } from '../client.ts';
import { isNetworkFailure, unreadableBody } from '../networkFailure.ts';

const TIMEOUT_MS = 30_000;

/** The key as the relay publishes it, or null: not reachable, refused, or not a key (quietly: it is asked again later). */
export async function fetchExportKey(
  fetch: Fetch,
  apiBase: string,
  token: string,
): Promise<ExportKey | null> {
  let res: Response;
  try {
    res = await fetch(`${apiBase}/relay/export-key`, {
      method: 'GET',
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
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
  if (res.status !== 200) return null;
  const parsed = ExportKeySchema.safeParse(await res.json().catch(unreadableBody));
  return parsed.success ? parsed.data : null;
}

/** A kept key (opaque in Settings) read back with the contract's schema: null when missing or damaged. */
export function readExportKey(kept: unknown): ExportKey | null {
  const parsed = ExportKeySchema.safeParse(kept);
  return parsed.success ? parsed.data : null;
}
