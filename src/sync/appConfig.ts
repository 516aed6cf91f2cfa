// First run: ask the app's own origin for a deployment's set-up file (API.md, first-run configuration).
import { isNetworkFailure } from './networkFailure.ts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The parsed JSON of `/app-config.json`, or null when there is none (404, offline, not JSON). */
export async function fetchAppConfig(
  fetchFn: FetchLike = (input, init) => fetch(input, init),
  timeoutMs = 3000,
): Promise<unknown | null> {
  try {
    const res = await fetchFn('/app-config.json', {
      cache: 'no-store',
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return null;
    return (await res.json()) as unknown;
  } catch (error) {
    // offline, timed out, or not JSON
    if (isNetworkFailure(error) || error instanceof SyntaxError) return null;
    throw error;
  }
}
