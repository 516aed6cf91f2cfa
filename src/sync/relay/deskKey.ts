// The posting desk's public key (issue 27), asked with this iPad's token: `GET {apiBase}/desk/key`,
// at "Connect" and again with each status report and send pass while online (a desk set up, or its
// key replaced, since). A public fact, kept with the relay's settings like the export key; a relay
// that answers it has no desk is kept too (`NO_DESK`), so Settings do not offer the desk.
import { type DeskKey, DeskKeySchema } from '../../domain/desk/deskStory.ts';
import { NO_DESK } from '../../domain/settings/relay.ts';
import type { Fetch } from '../client.ts';
import { unreadableBody } from '../networkFailure.ts';
import { askRelay } from './relay.ts';

/** The desk's key; `NO_DESK` when the relay has none (404 no-desk); null for anything else (asked again later). */
export async function fetchDeskKey(
  fetch: Fetch,
  apiBase: string,
  token: string,
): Promise<DeskKey | typeof NO_DESK | null> {
  const res = await askRelay(fetch, `${apiBase}/desk/key`, {
    method: 'GET',
    headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
  });
  if (res === null) return null;
  const json = (await res.json().catch(unreadableBody)) as { error?: unknown } | null;
  if (res.status === 404 && json?.error === 'no-desk') return NO_DESK;
  if (res.status !== 200) return null;
  const parsed = DeskKeySchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** A kept desk key (opaque in Settings) read back with the contract's schema: null when none, `NO_DESK` or damaged. */
export function readDeskKey(kept: unknown): DeskKey | null {
  const parsed = DeskKeySchema.safeParse(kept);
  return parsed.success ? parsed.data : null;
}

/** Whether a fetched answer differs from what is kept (so it is kept anew). */
export function deskKeyChanged(kept: unknown, fetched: DeskKey | typeof NO_DESK): boolean {
  if (fetched === NO_DESK) return kept !== NO_DESK;
  return readDeskKey(kept)?.kid !== fetched.kid;
}
