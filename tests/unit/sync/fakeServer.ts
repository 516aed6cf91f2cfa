// An in-memory Care Opinion for queue tests: real idempotency (same key → one story, a stored key
// answered again with 200), and scripted faults as the field has them: 5xx, commit-then-drop, 429,
// a hang (timeout), the page dying mid-request, a 422 refusal, a 302 to the login page (key
// refused), a 200 HTML page (a wifi sign-in page), a 201 whose body was cut off, and the device
// losing its signal. It counts requests in flight per key (never more than one) and in all.
// Requests interleave: each stays out for its own number of event-loop turns (`latency`), a hang far
// longer than any other, so answers arrive out of order. When the page dies (a 'crash'), every
// request still out is settled at the server at once (stored or not, as its fault says) and none of
// them is ever answered.
import type { Answer, Client } from '../../../src/sync/client.ts';

export type Fault =
  | 'ok'
  | '5xx'
  | 'commit-drop'
  | '429'
  | 'hang'
  | 'crash'
  | '422'
  | '302'
  | 'html200'
  | 'truncated201'
  | 'offline';

export type FakeServer = {
  client: Client;
  stored: Map<string, { id: string; body: unknown }>;
  /** How many times each key's story was stored (must never exceed 1). */
  storeCounts: Map<string, number>;
  /** Keys refused with a 422 (never stored). */
  refused: Set<string>;
  requests: number;
  /** The most requests ever in flight at once for one key (must never exceed 1). */
  maxInFlight: number;
  /** The most requests in flight at once, all keys together. */
  maxTotalInFlight: number;
  /** Request bodies without the storyteller's consent to publish (must stay 0). */
  withoutConsent: number;
  online: boolean;
};

export type FakeServerOptions = {
  /** Event-loop turns the next request stays out (default 20). */
  latency?: () => number;
};

/** A hang: out far longer than any other request, then the client's timeout. */
export const HANG_TURNS = 400;

type Response = Extract<Answer, { kind: 'response' }>;
const json = (status: number, body: unknown, retryAfter: string | null = null): Response => ({
  kind: 'response',
  status,
  type: 'basic',
  contentType: 'application/json',
  retryAfter,
  totalCount: null,
  json: body,
});
const html = (status: number): Answer => ({
  kind: 'response',
  status,
  type: 'basic',
  contentType: 'text/html',
  retryAfter: null,
  totalCount: null,
});

export function createFakeServer(
  nextFault: () => Fault,
  onCrash: () => void,
  options: FakeServerOptions = {},
): FakeServer {
  const stored = new Map<string, { id: string; body: unknown }>();
  const storeCounts = new Map<string, number>();
  const inFlight = new Map<string, number>();
  let totalInFlight = 0;
  /** Requests out now: settled at the server at once if the page dies. */
  const out = new Set<() => void>();
  const store = (key: string, body: unknown) => {
    if (stored.has(key)) return;
    stored.set(key, { id: `co-${stored.size + 1}`, body });
    storeCounts.set(key, (storeCounts.get(key) ?? 0) + 1);
  };
  /** The fault a request meets, drawn as it goes out (none while offline). */
  function draw(): Fault | null {
    if (!server.online) return null;
    const fault = nextFault();
    if (fault === 'offline') server.online = false;
    return fault;
  }
  function answer(key: string, body: unknown, fault: Fault | null): Answer | 'crash' {
    if (!server.online || fault === null || fault === 'offline') return { kind: 'network-error' };
    if (fault === '5xx') return json(503, { error: 'busy' });
    if (fault === '429') return json(429, { error: 'slow down' }, '1');
    if (fault === 'hang') return { kind: 'timeout' };
    if (fault === '302')
      return { kind: 'response', status: 302, type: 'basic', retryAfter: null, totalCount: null };
    if (fault === 'html200') return html(200); // never reached the server
    const existing = stored.get(key);
    if (fault === '422' && !existing) {
      server.refused.add(key);
      return json(422, { errors: [{ field: 'author.username', message: 'Please choose another' }] });
    }
    store(key, body);
    if (fault === 'commit-drop') return { kind: 'network-error' };
    if (fault === 'crash') return 'crash';
    // Stored, then the connection died mid-answer: the status arrived, the body did not.
    if (fault === 'truncated201') return { ...json(201, undefined), bodyCutOff: true };
    return json(existing ? 200 : 201, { id: stored.get(key)?.id, status: 'received' });
  }
  const server: FakeServer = {
    stored,
    storeCounts,
    refused: new Set(),
    requests: 0,
    maxInFlight: 0,
    maxTotalInFlight: 0,
    withoutConsent: 0,
    online: true,
    client: {
      async request(_connection, _path, init = {}) {
        server.requests++;
        const key = init.headers?.['Idempotency-Key'] ?? '';
        const consent = (init.body as { consent?: { publish?: unknown } } | undefined)?.consent;
        if (consent?.publish !== true) server.withoutConsent++;
        const now = (inFlight.get(key) ?? 0) + 1;
        inFlight.set(key, now);
        server.maxInFlight = Math.max(server.maxInFlight, now);
        totalInFlight++;
        server.maxTotalInFlight = Math.max(server.maxTotalInFlight, totalInFlight);
        const fault = draw();
        let result: Answer | 'crash' | undefined;
        const settle = (): Answer | 'crash' => {
          out.delete(settle);
          if (result !== undefined) return result;
          result = answer(key, init.body, fault);
          inFlight.set(key, (inFlight.get(key) ?? 1) - 1); // answered, or the page died and its request with it
          totalInFlight--;
          return result;
        };
        out.add(settle);
        // Network latency: the request stays in flight while other work (other requests, another tab) runs.
        const turns = fault === 'hang' ? HANG_TURNS : (options.latency?.() ?? 20);
        for (let turn = 0; turn < turns && result === undefined; turn++) {
          await new Promise((resolve) => setImmediate(resolve));
        }
        if (result !== undefined) return new Promise<Answer>(() => undefined); // the page died meanwhile
        const settled = settle();
        if (settled !== 'crash') return settled;
        // The page dies: whatever else it had out reaches the server or not, and is never answered.
        for (const other of [...out]) other();
        onCrash();
        return new Promise<Answer>(() => undefined); // no answer ever arrives
      },
    },
  };
  return server;
}
