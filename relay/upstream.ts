// Calls Care Opinion (or the sandbox) with the organisation's key, within the shared rate, and
// reads the answer with the app's own table (src/domain/send/answers.ts, through shared.ts), so
// the relay and an iPad never read one answer two ways: a redirect, 401/403, 404/405 or an HTML
// page means the key (or the address) was not accepted; 429, 5xx and no answer are passing faults
// with a Retry-After for the device; a story's 2xx without a usable receipt is "may be stored",
// asked again with the same Idempotency-Key (a few times), then answered 503 with Retry-After.
import { type Answer, classifyAnswer, classifyReadAnswer, REASONS } from './shared.ts';
import type { UpstreamRate } from './upstreamRate.ts';

export const UPSTREAM_TIMEOUT_MS = 20_000;
/** A story answered 2xx without its id is asked again with the same key this many times in all. */
export const MAYBE_STORED_TRIES = 3;
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

type Read = { answer: Answer; status: number };

/** The answer as the shared table takes it: status, type, Retry-After and the JSON body if any. */
async function readAnswer(response: Response): Promise<Answer> {
  const contentType = response.headers.get('content-type') ?? undefined;
  const base = {
    kind: 'response' as const,
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
  };
  const answer: Answer = contentType === undefined ? base : { ...base, contentType };
  if (contentType !== undefined && !/json/i.test(contentType)) {
    await response.body?.cancel();
    return answer;
  }
  try {
    const text = await response.text();
    return text.trim() === '' ? answer : { ...answer, json: JSON.parse(text) as unknown };
  } catch {
    return { ...answer, bodyCutOff: true }; // cut off, timed out mid-body, or not JSON
  }
}

function seconds(retryAfterMs: number | undefined): number {
  return retryAfterMs !== undefined && retryAfterMs > 0
    ? Math.ceil(retryAfterMs / 1000)
    : DEFAULT_RETRY_AFTER_S;
}

function busy(status: number, retryAfterMs?: number): UpstreamAnswer {
  return {
    kind: 'busy',
    status: status === 429 ? 429 : 503,
    retryAfter: seconds(retryAfterMs),
    upstreamStatus: status,
  };
}

/** A story's answer (POST): stored, refused with the answer's JSON, key refused, or busy. */
function storyAnswer({ answer, status }: Read): UpstreamAnswer {
  const verdict = classifyAnswer(answer, Date.now());
  const json = answer.kind === 'response' ? answer.json : undefined;
  if (verdict.class === 'sent' || verdict.class === 'needs-attention')
    return { kind: 'json', status, body: json ?? {} };
  if (verdict.class === 'key-rejected') return { kind: 'refused', status };
  return busy(status, verdict.retryAfterMs);
}

/** A read (GET): data, key refused, busy, or a refused read handed to the caller as it came. */
function readAnswerOf({ answer, status }: Read): UpstreamAnswer {
  const verdict = classifyReadAnswer(answer, Date.now());
  if (verdict.class === 'data') return { kind: 'json', status, body: verdict.items };
  if (verdict.class === 'key-rejected') return { kind: 'refused', status };
  const handedOver = verdict.reason === REASONS.notAList || verdict.reason === REASONS.readRefused;
  if (handedOver && answer.kind === 'response') return { kind: 'json', status, body: answer.json ?? null };
  return busy(status, verdict.retryAfterMs);
}

async function send(options: UpstreamOptions, path: string, init: RequestOptions): Promise<Read> {
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
    return { answer: await readAnswer(response), status: response.status };
  } catch (error) {
    // Network error or timeout: a passing fault. The error may quote the URL; never log it here.
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { answer: { kind: timedOut ? 'timeout' : 'network-error' }, status: 0 };
  }
}

/** A 2xx to a story that did not carry its id: upstream may hold it, so it is asked again. */
const maybeStored = (answer: UpstreamAnswer) =>
  answer.kind === 'busy' && answer.upstreamStatus >= 200 && answer.upstreamStatus <= 299;

export function createUpstream(options: UpstreamOptions): Upstream {
  async function once(path: string, init: RequestOptions): Promise<UpstreamAnswer & Timing> {
    const slot = await options.rate.take(undefined, init.beforeSend);
    if (!slot.ok) {
      const retryAfter = Math.ceil(slot.retryAfterMs / 1000);
      return { kind: 'busy', status: 429, retryAfter, upstreamStatus: 0, queueMs: 0, upstreamMs: 0 };
    }
    const started = performance.now();
    const read = await send(options, path, init);
    const answer = (init.method ?? 'GET') === 'GET' ? readAnswerOf(read) : storyAnswer(read);
    const timed = { ...answer, queueMs: slot.waitedMs, upstreamMs: Math.round(performance.now() - started) };
    options.observe?.(timed);
    return timed;
  }

  return {
    async request(path, init = {}) {
      const sameKey = init.headers?.['Idempotency-Key'] !== undefined;
      let answer = await once(path, init);
      for (let tries = 1; sameKey && maybeStored(answer) && tries < MAYBE_STORED_TRIES; tries++) {
        const next = await once(path, init);
        answer = {
          ...next,
          queueMs: answer.queueMs + next.queueMs,
          upstreamMs: answer.upstreamMs + next.upstreamMs,
        };
      }
      return answer;
    },
  };
}
