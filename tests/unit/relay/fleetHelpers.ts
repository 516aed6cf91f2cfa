// Issue 26's calls as an iPad and a lead make them: a status report, the export key, a file sealed
// to the relay (with the app's own sealStories, in Node's Web Crypto) and its import.
import { randomUUID, webcrypto } from 'node:crypto';
import { type DeviceStatus, type ExportKey, sealStories } from '../../../src/domain/fleet/index.ts';
import { ADMIN, getApi, validStory } from './harness.ts';

export const crypto = webcrypto as unknown as Crypto;

export function statusBody(overrides: Partial<DeviceStatus> = {}): DeviceStatus {
  return {
    waiting: 0,
    needsAttention: 0,
    readyToPost: 0,
    drafts: 0,
    oldestWaitingAt: null,
    appVersion: '2026.12.7+a17a1c3',
    storage: { persisted: true, usedBytes: 123_456, quotaBytes: 4_000_000_000 },
    ...overrides,
  };
}

export function reportStatus(relay: { url: string }, token: string | undefined, body: unknown) {
  return fetch(`${relay.url}/api/v2/devices/me/status`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function exportKeyOf(relay: { url: string }, token: string): Promise<ExportKey> {
  const res = await getApi(relay, token, '/relay/export-key');
  if (res.status !== 200) throw new Error(`export-key answered ${res.status}`);
  return (await res.json()) as ExportKey;
}

/** `n` consented stories, each with its own Idempotency-Key and a title of its own. */
export function storiesFor(n: number): { idempotencyKey: string; body: ReturnType<typeof validStory> }[] {
  return Array.from({ length: n }, (_, i) => ({
    idempotencyKey: randomUUID(),
    body: { ...validStory(), title: `Kind staff, story ${i + 1}` },
  }));
}

export async function sealFor(
  key: ExportKey,
  deviceId: string,
  stories: { idempotencyKey: string; body: unknown }[],
): Promise<Uint8Array> {
  return sealStories(crypto, key, { deviceId, createdAt: '2026-12-07T16:00:00.000Z', stories });
}

export function importFile(relay: { url: string }, file: Uint8Array | string, query = '') {
  return fetch(`${relay.url}/admin/api/imports${query}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/octet-stream' },
    body: typeof file === 'string' ? file : Buffer.from(file),
  });
}

/** One metric's value (unlabelled, or with the labels given) from /metrics. */
export async function metric(relay: { url: string }, name: string, labels = ''): Promise<number | undefined> {
  const text = await (await fetch(`${relay.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}
