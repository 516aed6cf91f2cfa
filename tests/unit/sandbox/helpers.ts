// Shared set-up for the sandbox tests: an in-process server on a free port, a valid story and
// small fetch wrappers (redirect: 'manual', so a 302 is seen as it is).
import { randomUUID } from 'node:crypto';
import { type SandboxServer, type SandboxServerOptions, startSandboxServer } from '../../sandbox/server.ts';

export const KEY = 'test-key';

/** A small directory and a high rate, unless a test says otherwise. */
export function startTestSandbox(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  return startSandboxServer({ key: KEY, services: 300, rate: 1000, seed: 7, ...options });
}

export function validStory() {
  return {
    title: "Kind staff on the children's ward",
    body: 'What happened, in the storyteller\'s words. <script>alert("x")</script>',
    whatWasGood: 'Everyone listened',
    healthservices: [{ nacs: 'RX1RA02', name: "Children's Ward, St Mary's Hospital" }],
    author: {
      username: 'rugbyfan33',
      email: 'person@example.org',
      postcode: 'NG5 1PB',
      role: 'patient',
      ageGroup: '35-44',
    },
    postedOnBehalf: false,
    consent: { publish: true, givenAt: '2026-11-24T10:42:00Z', recordedBy: 'Sam, volunteer' },
    collectedAt: '2026-11-24T10:30:00Z',
    submissionRoute: 'assisted-offline-app',
  };
}

export function apiHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { Authorization: `SUBSCRIPTION_KEY ${KEY}`, Accept: 'application/json', ...extra };
}

export type PostOptions = { key?: string; headers?: Record<string, string>; signal?: AbortSignal };

export function postStory(
  server: SandboxServer,
  body: unknown,
  options: PostOptions = {},
): Promise<Response> {
  const headers = apiHeaders({
    'Content-Type': 'application/json',
    'Idempotency-Key': options.key ?? randomUUID(),
    ...options.headers,
  });
  return fetch(`${server.url}/opinions`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    redirect: 'manual',
    signal: options.signal,
  });
}

export function getApi(server: SandboxServer, path: string, headers = apiHeaders()): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
}

export async function getControl<T>(server: SandboxServer, path: string): Promise<T> {
  const res = await fetch(`${server.origin}/__sandbox${path}`);
  return (await res.json()) as T;
}

export async function setFaults(server: SandboxServer, faults: unknown): Promise<Response> {
  return fetch(`${server.origin}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(faults),
  });
}

/** Holds story posts in flight (`'hold'`) or lets them go on (`'release'`): see tests/sandbox/hold.ts. */
export async function holdStories(server: SandboxServer, action: 'hold' | 'release'): Promise<void> {
  const res = await fetch(`${server.origin}/__sandbox/${action}`, { method: 'POST' });
  if (!res.ok) throw new Error(`POST /__sandbox/${action} answered ${res.status}`);
}

/** The Idempotency-Keys of the story posts held now. */
export async function heldKeys(server: SandboxServer): Promise<string[]> {
  return (await getControl<{ held: string[] }>(server, '/hold')).held;
}

export type Received = {
  id: string;
  idempotencyKey: string;
  title: string;
  receivedAt: string;
  body: unknown;
};

export type SandboxStats = {
  requests: Record<string, number>;
  stored: number;
  duplicatesPrevented: number;
  conflicts: number;
  inProgress: number;
  held: number;
  hung: number;
  dropped: number;
  open: number;
};
