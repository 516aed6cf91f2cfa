// "Test connection": one real request that tells working, key refused, unreachable and blocked by
// the browser (CORS) apart. A CORS refusal and no network look alike to fetch; a no-cors probe
// that gets an opaque answer shows the server is there. Through a relay (a device token), the relay's
// own status route says whether the token and the relay's Care Opinion key hold.
import { classifyReadAnswer } from '../domain/send/answers.ts';
import { type ConnectionVerdict, relayStatusVerdict } from '../domain/settings/connection.ts';
import type { Client, Connection, Fetch } from './client.ts';
import { isNetworkFailure } from './networkFailure.ts';

export async function testConnection(
  client: Client,
  fetchFn: Fetch,
  connection: Connection,
  now: number,
): Promise<ConnectionVerdict> {
  if (connection.apiAddress === '') return 'not-configured';
  if (connection.token) return relayStatusVerdict(await client.request(connection, '/relay/status'));
  const answer = await client.request(connection, '/healthservices?skip=0&take=1');
  if (answer.kind === 'cancelled') return 'unreachable';
  const verdict = classifyReadAnswer(answer, now);
  if (verdict.class === 'data') return 'working';
  if (verdict.class === 'key-rejected') return 'key-rejected';
  if (answer.kind === 'response') return 'server-problem';
  try {
    await fetchFn(`${connection.apiAddress}/healthservices?skip=0&take=1`, {
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(10_000),
    });
    return 'blocked';
  } catch (error) {
    // no network, or no answer in time
    if (!isNetworkFailure(error)) throw error;
    return 'unreachable';
  }
}
