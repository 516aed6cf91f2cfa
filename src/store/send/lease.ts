// The send-queue lease for browsers without Web Locks: who runs the queue, until when.
import type { StoryDb } from '../db.ts';

const LEASE_KEY = 'queue-lease';
type Lease = { owner: string; until: number };

function readLease(value: unknown): Lease | null {
  if (typeof value !== 'object' || value === null) return null;
  const { owner, until } = value as Record<string, unknown>;
  return typeof owner === 'string' && typeof until === 'number' ? { owner, until } : null;
}

/** Takes (or renews) the lease when it is free, expired or already ours. */
export function takeLease(db: StoryDb, owner: string, now: number, leaseMs: number): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const lease = readLease((await db.meta.get(LEASE_KEY))?.value);
    if (lease && lease.owner !== owner && lease.until > now) return false;
    await db.meta.put({ key: LEASE_KEY, value: { owner, until: now + leaseMs } });
    return true;
  });
}

export function releaseLease(db: StoryDb, owner: string): Promise<void> {
  return db.transaction('rw', db.meta, async () => {
    const lease = readLease((await db.meta.get(LEASE_KEY))?.value);
    if (lease?.owner === owner) await db.meta.delete(LEASE_KEY);
  });
}
