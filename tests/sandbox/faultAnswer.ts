// How a drawn fault answers: a 5xx (503 sometimes with Retry-After), an extra 429, or no answer at
// all (hang). commitThenDrop is not answered here: it needs the story stored first.
import type { ServerResponse } from 'node:http';
import type { FaultDraw } from './faults.ts';
import { sendError } from './http.ts';
import type { SandboxState } from './state.ts';

/** True when the fault took the request (answered it, or left it hanging). */
export function answerFault(state: SandboxState, draw: FaultDraw, res: ServerResponse): boolean {
  if (draw.kind === 'error5xx') {
    const headers: Record<string, string> = draw.retryAfter ? { 'Retry-After': String(draw.retryAfter) } : {};
    sendError(res, draw.status, 'Sandbox fault: a passing server error', headers);
    return true;
  }
  if (draw.kind === 'rate429') {
    sendError(res, 429, 'Sandbox fault: too many requests', { 'Retry-After': '1' });
    return true;
  }
  if (draw.kind === 'hang') {
    state.stats.hung++; // no answer until the client gives up or close() ends the connection
    return true;
  }
  return false;
}

/** The client has left (or close() ended the connection): nothing more to do. */
export function isGone(res: ServerResponse): boolean {
  return res.destroyed || !res.socket || res.socket.destroyed;
}
