// An in-memory Care Opinion for queue tests: real idempotency (same key → one story), and
// scripted faults: 5xx, commit-then-drop, 429, a hang (timeout), or the page dying mid-request.
import type { Answer, Client } from '../../../src/sync/client.ts';

export type Fault = 'ok' | '5xx' | 'commit-drop' | '429' | 'hang' | 'crash';

export type FakeServer = {
  client: Client;
  stored: Map<string, { id: string; body: unknown }>;
  /** How many times each key's story was stored (must never exceed 1). */
  storeCounts: Map<string, number>;
  requests: number;
};

const json = (status: number, body: unknown, retryAfter: string | null = null): Answer => ({
  kind: 'response',
  status,
  type: 'basic',
  contentType: 'application/json',
  retryAfter,
  totalCount: null,
  json: body,
});

export function createFakeServer(nextFault: () => Fault, onCrash: () => void): FakeServer {
  const stored = new Map<string, { id: string; body: unknown }>();
  const storeCounts = new Map<string, number>();
  const server: FakeServer = {
    stored,
    storeCounts,
    requests: 0,
    client: {
      async request(_connection, _path, options = {}) {
        server.requests++;
        const key = options.headers?.['Idempotency-Key'] ?? '';
        const fault = nextFault();
        if (fault === '5xx') return json(503, { error: 'busy' });
        if (fault === '429') return json(429, { error: 'slow down' }, '1');
        if (fault === 'hang') return { kind: 'timeout' };
        const existing = stored.get(key);
        if (!existing) {
          stored.set(key, { id: `co-${stored.size + 1}`, body: options.body });
          storeCounts.set(key, (storeCounts.get(key) ?? 0) + 1);
        }
        if (fault === 'commit-drop') return { kind: 'network-error' };
        if (fault === 'crash') {
          onCrash();
          return new Promise<Answer>(() => undefined); // the page died: no answer ever arrives
        }
        const record = stored.get(key);
        return json(existing ? 200 : 201, { id: record?.id, status: 'received' });
      },
    },
  };
  return server;
}
