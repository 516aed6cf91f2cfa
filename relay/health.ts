// GET /healthz (the process answers), GET /readyz (the database answers and its migrations are
// current; 503 naming the failed check otherwise) and GET /metrics (Prometheus text, only to
// RELAY_METRICS_FROM, default loopback). For a load balancer and a monitoring system.
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { pendingMigrations } from './db/migrations.ts';
import { addressRule, errorFields, type RelayEnv } from './http.ts';
import type { RelayServices } from './services.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function mountHealth(app: Hono<RelayEnv>, services: RelayServices): void {
  const { store, metrics, config, log } = services;
  const mayScrape = addressRule(config.metricsFrom ?? ['127.0.0.0/8', '::1']);

  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, NO_STORE));

  app.get('/readyz', async (c) => {
    const failed: { check: string; message: string }[] = [];
    try {
      await sql`select 1`.execute(store.db);
      const pending = await pendingMigrations(store.db);
      if (pending.length > 0) failed.push({ check: 'migrations', message: `not run: ${pending.join(', ')}` });
    } catch (error) {
      const fields = errorFields(error);
      log.error({ ...fields, check: 'database' }, 'readiness: the database did not answer');
      failed.push({ check: 'database', message: fields.message });
    }
    if (failed.length > 0) return c.json({ status: 'unready', failed }, 503, NO_STORE);
    return c.json({ status: 'ready', database: store.kind }, 200, NO_STORE);
  });

  app.get('/metrics', async (c) => {
    if (!mayScrape(c.get('address'))) return c.json({ error: 'not-found' }, 404);
    return c.body(await metrics.registry.metrics(), 200, {
      'Content-Type': metrics.registry.contentType,
      ...NO_STORE,
    });
  });
}
