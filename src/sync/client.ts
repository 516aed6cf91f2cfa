// The Care Opinion client core: the auth header (never a key in a URL), no redirects followed,
// a timeout on every request, one shared rate limiter. It returns what happened as data for the
// domain's classification (API.md's answer table); it never decides what an answer means.
import type { Answer as DomainAnswer } from '../domain/send/answers.ts';
import { isNetworkFailure } from './networkFailure.ts';
import type { RateLimiter } from './rateLimiter.ts';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** What one request produced: the domain's Answer (API.md's table reads it), plus a cancel. */
export type Answer =
  | Exclude<DomainAnswer, { kind: 'response' }>
  | (Extract<DomainAnswer, { kind: 'response' }> & {
      totalCount: string | null;
      etag?: string | null;
      /** A body that is not JSON, read whole when the request asked for `binary`. */
      bytes?: ArrayBuffer;
    })
  | { kind: 'cancelled' };

/** Where requests go: a subscription key (direct), or a relay's device token (never both). */
export type Connection = { apiAddress: string; key: string; token?: string | undefined };

export type ClientOptions = {
  fetch: Fetch;
  limiter: RateLimiter;
  timeoutMs?: number;
};

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Read a body that is not JSON as bytes (`bytes`), e.g. the relay's packed directory. */
  binary?: boolean;
};

export const REQUEST_TIMEOUT_MS = 30_000;

export type Client = {
  request(connection: Connection, path: string, options?: RequestOptions): Promise<Answer>;
};

export function createClient({ fetch, limiter, timeoutMs = REQUEST_TIMEOUT_MS }: ClientOptions): Client {
  return {
    async request(connection, path, options = {}) {
      try {
        await limiter.acquire(options.signal);
        options.signal?.throwIfAborted();
      } catch (error) {
        // the caller gave up while waiting its turn
        if (!options.signal?.aborted) throw error;
        return { kind: 'cancelled' };
      }
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = options.signal ? anySignal([options.signal, timeout]) : timeout;
      const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
      if (connection.token) headers.Authorization = `Bearer ${connection.token}`;
      else if (connection.key) headers.Authorization = `SUBSCRIPTION_KEY ${connection.key}`;
      if (options.body !== undefined) headers['Content-Type'] = 'application/json';
      try {
        const res = await fetch(`${connection.apiAddress}${path}`, {
          method: options.method ?? 'GET',
          headers,
          body: options.body === undefined ? null : JSON.stringify(options.body),
          // A refused key is answered with a redirect to an HTML login page: never follow it.
          redirect: 'manual',
          cache: 'no-store',
          credentials: 'omit',
          signal,
        });
        return await readAnswer(res, options.binary === true);
      } catch (error) {
        // cancelled, timed out, or no network: anything else is a bug, passed on
        if (options.signal?.aborted) return { kind: 'cancelled' };
        if (timeout.aborted) return { kind: 'timeout' };
        if (!isNetworkFailure(error)) throw error;
        return { kind: 'network-error' };
      }
    },
  };
}

/** AbortSignal.any arrived in Safari 17.4; iPadOS 16.4–17.3 needs the same by hand. */
function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

async function readAnswer(res: Response, binary: boolean): Promise<Answer> {
  const contentType = res.headers.get('content-type') ?? '';
  const base = {
    kind: 'response' as const,
    status: res.status,
    type: res.type,
    contentType,
    retryAfter: res.headers.get('retry-after'),
    totalCount: res.headers.get('x-total-count'),
    etag: res.headers.get('etag'),
  };
  if (!/\bjson\b/i.test(contentType)) return binary ? readBytes(res, base) : base;
  try {
    return { ...base, json: (await res.json()) as unknown };
  } catch {
    // Cut off (the connection died mid-answer), timed out mid-body, or not parseable: the status
    // arrived but the body did not. For a send that means "probably stored" (answers.ts).
    return { ...base, bodyCutOff: true };
  }
}

async function readBytes(res: Response, base: Extract<Answer, { kind: 'response' }>): Promise<Answer> {
  try {
    return { ...base, bytes: await res.arrayBuffer() };
  } catch {
    // Cut off or timed out mid-body, as for JSON above.
    return { ...base, bodyCutOff: true };
  }
}
