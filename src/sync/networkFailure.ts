// The failures a request is expected to meet on an iPad's network, told apart from bugs of ours:
// a catch around fetch handles these and passes anything else on to the one handler.

/**
 * fetch's own failures: a TypeError for no network, a refused connection or a CORS refusal
 * ("Load failed" in Safari), and the DOMException of an aborted or timed-out signal.
 */
export function isNetworkFailure(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  return error instanceof DOMException && ['AbortError', 'TimeoutError', 'NetworkError'].includes(error.name);
}

/** For `res.json().catch(…)`: a body that is not JSON or was cut off reads as null; a bug is rethrown. */
export function unreadableBody(error: unknown): null {
  if (error instanceof SyntaxError || isNetworkFailure(error)) return null;
  throw error;
}
