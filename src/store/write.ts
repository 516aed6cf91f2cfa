// Every write goes through here (PLATFORM.md): an awaited commit, a timeout for a write that never
// settles, and errors sorted into a full disk, a lost connection (reopen once, retry once) or other.
import type { Dexie } from 'dexie';
import type { StoryReason, WriteProblem } from '../domain/send/sendProblem.ts';

export type WriteFailureKind = 'quota' | 'connection-lost' | 'other';
/** A failed write's `reason` is a code the screens word (`StoryReason`: a write's own, or a writer's). */
export type WriteResult<T> =
  | { ok: true; value: T }
  | { ok: false; kind: WriteFailureKind; reason: StoryReason };

export const WRITE_TIMEOUT_MS = 10_000;

/** Each kind's code (the catalogue's `home.reasons` words it). */
const REASONS: Record<WriteFailureKind, WriteProblem> = {
  quota: 'storageFull',
  'connection-lost': 'storageLost',
  other: 'notSavedYet',
};

type ErrorLike = { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown };

/** Names and messages of an error and every error it wraps (Dexie's `inner`, `cause`). */
function chain(error: unknown): { name: string; message: string }[] {
  const out: { name: string; message: string }[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const e = current as ErrorLike;
    out.push({ name: String(e.name ?? ''), message: String(e.message ?? '') });
    current = e.inner ?? e.cause;
  }
  return out;
}

export function classifyWriteError(error: unknown): WriteFailureKind {
  const links = chain(error);
  if (links.some((l) => l.name === 'QuotaExceededError' || /quota/i.test(l.message))) return 'quota';
  const lost = links.some(
    (l) =>
      l.name === 'DatabaseClosedError' ||
      (l.name === 'InvalidStateError' && /clos/i.test(l.message)) ||
      /connection to indexed database server lost|connection is closing|database connection is closing/i.test(
        l.message,
      ),
  );
  return lost ? 'connection-lost' : 'other';
}

class WriteTimeout extends Error {
  override name = 'WriteTimeout';
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new WriteTimeout('write did not settle')), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `write` (which opens its own transaction and resolves after it commits). A lost
 * connection is reopened and the write tried once more; anything else is reported, never thrown.
 */
export async function runWrite<T>(
  db: Dexie,
  write: () => Promise<T>,
  timeoutMs = WRITE_TIMEOUT_MS,
): Promise<WriteResult<T>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return { ok: true, value: await withTimeout(write(), timeoutMs) };
    } catch (error) {
      const kind = error instanceof WriteTimeout ? 'other' : classifyWriteError(error);
      if (kind === 'connection-lost' && attempt === 0) {
        try {
          if (!db.isOpen()) await db.open();
        } catch {
          // Reopening failed: the retry below reports it.
        }
        continue;
      }
      return { ok: false, kind, reason: REASONS[kind] };
    }
  }
}
