// /__sandbox/ controls for tests, benchmarks and people: no key, no rate limit, never faulted.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultsSchema } from './faults.ts';
import { readBody, sendError, sendHtml, sendJson } from './http.ts';
import { renderLoginPage, renderReceivedPage } from './page.ts';
import type { SandboxState } from './state.ts';

export const CONTROL_PREFIX = '/__sandbox';

async function setFaults(state: SandboxState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const read = await readBody(req, 64 * 1024);
  if (!read.ok) return read.reason === 'too-large' ? sendError(res, 413, 'Too large') : undefined;
  let value: unknown;
  try {
    value = read.text.trim() === '' ? {} : JSON.parse(read.text);
  } catch {
    return sendError(res, 400, 'The body is not valid JSON');
  }
  const parsed = FaultsSchema.safeParse(value);
  if (!parsed.success) {
    return sendError(
      res,
      400,
      parsed.error.issues.map((i) => `${i.path.join('.') || 'faults'}: ${i.message}`).join('; '),
    );
  }
  state.faults.set(parsed.data);
  sendJson(res, 200, state.faults.get());
}

function getStats(state: SandboxState, res: ServerResponse): void {
  sendJson(res, 200, {
    ...state.stats,
    received: state.stories.list().length,
    inProgress: state.idempotency.countInProgress(),
    held: state.hold.heldKeys().length,
    open: state.open.size,
  });
}

export async function handleControl(
  state: SandboxState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  reset: () => void,
): Promise<void> {
  const route = `${req.method} ${url.pathname.slice(CONTROL_PREFIX.length).replace(/\/$/, '') || '/'}`;
  switch (route) {
    case 'GET /':
      return sendHtml(res, 200, renderReceivedPage(state.stories.list()));
    case 'GET /login':
      return sendHtml(res, 200, renderLoginPage());
    case 'GET /received':
      return sendJson(res, 200, state.stories.list());
    case 'GET /faults':
      return sendJson(res, 200, state.faults.get());
    case 'POST /faults':
      return setFaults(state, req, res);
    case 'GET /hold':
      return sendJson(res, 200, { holding: state.hold.isHolding(), held: state.hold.heldKeys() });
    case 'POST /hold':
      state.hold.start();
      return sendJson(res, 200, { holding: true, held: state.hold.heldKeys() });
    case 'POST /release':
      return sendJson(res, 200, { holding: false, released: state.hold.release() });
    case 'GET /stats':
      return getStats(state, res);
    case 'POST /reset':
      reset();
      return sendJson(res, 200, { reset: true });
    default:
      return sendError(res, 404, 'No such sandbox control');
  }
}
