// The log of story posts the relay forwarded, for the admin page: when, which device, which key,
// the answer's status and the Care Opinion id. Never any of the story itself.
import { randomUUID } from 'node:crypto';
import type { RelayDb } from './db/database.ts';

export type Delivery = {
  at: string;
  deviceId: string;
  idempotencyKey: string;
  status: number;
  careOpinionId: string | null;
};

export const MAX_DELIVERIES = 500;

export function createDeliveries({ db }: RelayDb, now: () => number) {
  return {
    async record(deviceId: string, idempotencyKey: string, status: number, careOpinionId: string | null) {
      await db
        .insertInto('deliveries')
        .values({
          id: randomUUID(),
          at: now(),
          device_id: deviceId,
          idempotency_key: idempotencyKey,
          status,
          care_opinion_id: careOpinionId,
        })
        .execute();
    },

    async recent(take: number): Promise<Delivery[]> {
      const rows = await db
        .selectFrom('deliveries')
        .selectAll()
        .orderBy('at', 'desc')
        .limit(Math.min(Math.max(1, take), MAX_DELIVERIES))
        .execute();
      return rows.map((row) => ({
        at: new Date(row.at).toISOString(),
        deviceId: row.device_id,
        idempotencyKey: row.idempotency_key,
        status: row.status,
        careOpinionId: row.care_opinion_id,
      }));
    },
  };
}

export type Deliveries = ReturnType<typeof createDeliveries>;
