// The /api/v2 routes in the order the real service applies them: key check (a redirect to an HTML
// login page, not an error), rate limit, the drawn fault, then the route itself.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerFault, isGone } from './faultAnswer.ts';
import { getService, listServices } from './healthservices.ts';
import { sendError, sendJson } from './http.ts';
import { postOpinion } from './opinions.ts';
import { type SandboxState, wait } from './state.ts';
import { receiptFor } from './storage.ts';

export const API_PREFIX = '/api/v2/';
export const LOGIN_PATH = '/__sandbox/login';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function hasKey(state: SandboxState, req: IncomingMessage): boolean {
  const match = /^SUBSCRIPTION_KEY\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(state.key));
}

function redirectToLogin(req: IncomingMessage, res: ServerResponse): void {
  const returnUrl = encodeURIComponent(req.url ?? '/');
  res.writeHead(302, { Location: `${LOGIN_PATH}?returnUrl=${returnUrl}`, 'Content-Length': '0' }).end();
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // malformed escapes match no code: a plain 404
  }
}

function routeGet(state: SandboxState, url: URL, res: ServerResponse): void {
  const path = url.pathname.slice(API_PREFIX.length).replace(/\/$/, '');
  const [collection, id, ...rest] = path.split('/');
  const story =
    collection === 'opinions' && rest.length === 0 && state.stories.list().find((s) => s.id === id);
  if (path === 'healthservices') listServices(state, url.searchParams, res);
  else if (collection === 'healthservices' && id && rest.length === 0) getService(state, safeDecode(id), res);
  else if (story) sendJson(res, 200, { ...receiptFor(story.id), receivedAt: story.receivedAt });
  else sendError(res, 404, 'Not found');
}

export async function handleApi(
  state: SandboxState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (!hasKey(state, req)) return redirectToLogin(req, res);
  const limit = state.limiter.take(state.key);
  if (!limit.ok) return sendError(res, 429, 'Too many requests', { 'Retry-After': String(limit.retryAfter) });
  const draw = state.faults.draw();
  const isOpinionPost = req.method === 'POST' && url.pathname.replace(/\/$/, '') === '/api/v2/opinions';
  if (isOpinionPost) return postOpinion(state, req, res, draw);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendError(res, 405, 'Method not allowed', { Allow: 'GET, POST, OPTIONS' });
  }
  await wait(state, draw.latencyMs);
  if (isGone(res) || answerFault(state, draw, res)) return;
  routeGet(state, url, res);
}
