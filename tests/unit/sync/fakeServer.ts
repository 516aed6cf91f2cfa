// An in-memory Care Opinion for queue tests: real idempotency (same key → one story, a stored key
// answered again with 200), and scripted faults as the field has them: 5xx, commit-then-drop, 429,
// a hang (timeout), the page dying mid-request, a 422 refusal, a 302 to the login page (key
// refused), a 200 HTML page (a wifi sign-in page), a 201 whose body was cut off, and the device
// losing its signal. It counts requests in flight per key: never more than one.
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
  online: boolean;
};

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

export function createFakeServer(nextFault: () => Fault, onCrash: () => void): FakeServer {
  const stored = new Map<string, { id: string; body: unknown }>();
  const storeCounts = new Map<string, number>();
  const inFlight = new Map<string, number>();
  const store = (key: string, body: unknown) => {
    if (stored.has(key)) return;
    stored.set(key, { id: `co-${stored.size + 1}`, body });
    storeCounts.set(key, (storeCounts.get(key) ?? 0) + 1);
  };
  function answer(key: string, body: unknown): Answer | 'crash' {
    if (!server.online) return { kind: 'network-error' };
    const fault = nextFault();
    if (fault === 'offline') {
      server.online = false;
      return { kind: 'network-error' };
    }
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
    online: true,
    client: {
      async request(_connection, _path, options = {}) {
        server.requests++;
        const key = options.headers?.['Idempotency-Key'] ?? '';
        const now = (inFlight.get(key) ?? 0) + 1;
        inFlight.set(key, now);
        server.maxInFlight = Math.max(server.maxInFlight, now);
        // Network latency: the request stays in flight while other work (another tab) runs.
        for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
        const result = answer(key, options.body);
        inFlight.set(key, (inFlight.get(key) ?? 1) - 1); // answered, or the page died and its request with it
        if (result !== 'crash') return result;
        onCrash();
        return new Promise<Answer>(() => undefined); // no answer ever arrives
      },
    },
  };
  return server;
}
