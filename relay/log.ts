// The relay's log: pino JSON lines on stdout. Callers log ids, routes, statuses and times only:
// never a story, a username, an email, a postcode, a token or a code.
import pino, { type Logger } from 'pino';

export function createLog(level = process.env.RELAY_LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'relay' } });
}
