// Calls Care Opinion (or the sandbox) with the organisation's key, within the shared rate, and
// reads the answer as API.md's table does: any redirect, 401/403 or non-JSON answer means the key
// was not accepted; 429 and 5xx are passing faults with a Retry-After for the device.
import type { UpstreamRate } from './upstreamRate.ts';

export const UPSTREAM_TIMEOUT_MS = 20_000;
const DEFAULT_RETRY_AFTER_S = 5;

export type UpstreamAnswer =
  | { kind: 'json'; status: number; body: unknown }
  | { kind: 'refused'; status: number }
  | { kind: 'busy'; status: 429 | 503; retryAfter: number; upstreamStatus: number };

type RequestOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Runs when the wait for the shared rate is over, just before leaving: it throws to send nothing. */
  beforeSend?: () => Promise<void>;
};

/** How long the call waited for its slot in the shared rate, and then for upstream's answer. */
export type Timing = { queueMs: number; upstreamMs: number };

export type Upstream = {
  request(path: string, init?: RequestOptions): Promise<UpstreamAnswer & Timing>;
};

export type UpstreamOptions = {
  base: string;
  key: string;
  rate: UpstreamRate;
  fetch: typeof fetch;
  timeoutMs?: number;
  /** Told of every answer (for the metrics and the key's state). */
  observe?: (answer: UpstreamAnswer & Timing) => void;
};

function retryAfter(response: Response | undefined): number {
  const value = Number(response?.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : DEFAULT_RETRY_AFTER_S;
}

async function read(response: Response): Promise<UpstreamAnswer> {
  const answer = await classify(response);
  if (answer.kind !== 'json') await response.body?.cancel();
  return answer;
}

async function classify(response: Response): Promise<UpstreamAnswer> {
  const { status } = response;
  if ((status >= 300 && status < 400) || status === 401 || status === 403 || status === 0) {
    return { kind: 'refused', status };
  }
  if (status === 429)
    return { kind: 'busy', status: 429, retryAfter: retryAfter(response), upstreamStatus: status };
  if (status >= 500)
    return { kind: 'busy', status: 503, retryAfter: retryAfter(response), upstreamStatus: status };
  if (!(response.headers.get('content-type') ?? '').includes('json')) return { kind: 'refused', status };
  try {
    return { kind: 'json', status, body: await response.json() };
  } catch {
    return { kind: 'refused', status };
  }
}

async function send(options: UpstreamOptions, path: string, init: RequestOptions): Promise<UpstreamAnswer> {
  try {
    const response = await options.fetch(`${options.base}${path}`, {
      method: init.method ?? 'GET',
      body: init.body,
      headers: {
        ...init.headers,
        Accept: 'application/json',
        Authorization: `SUBSCRIPTION_KEY ${options.key}`,
      },
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? UPSTREAM_TIMEOUT_MS),
    });
    return await read(response);
  } catch {
    // Network error or timeout: a passing fault. The error may quote the URL; never log it here.
    return { kind: 'busy', status: 503, retryAfter: DEFAULT_RETRY_AFTER_S, upstreamStatus: 0 };
  }
}

export function createUpstream(options: UpstreamOptions): Upstream {
  return {
    async request(path, init = {}) {
      const slot = await options.rate.take(undefined, init.beforeSend);
      if (!slot.ok) {
        const retryAfter = Math.ceil(slot.retryAfterMs / 1000);
        return { kind: 'busy', status: 429, retryAfter, upstreamStatus: 0, queueMs: 0, upstreamMs: 0 };
      }
      const started = performance.now();
      const answer = await send(options, path, init);
      const timed = {
        ...answer,
        queueMs: slot.waitedMs,
        upstreamMs: Math.round(performance.now() - started),
      };
      options.observe?.(timed);
      return timed;
    },
  };
}
