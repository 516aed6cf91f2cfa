// The relay's HTTP interface: the device API under /api/v2 and the admin page and API under
// /admin. Every answer carries CORS headers and no personal data.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { adminApi } from './admin/api.ts';
import { mountAdminPage } from './admin/page.ts';
import { enrolDevice, requireDevice } from './deviceRoutes.ts';
import { downloadDirectory, getService, listServices } from './directory/routes.ts';
import { corsFor, type RelayEnv, requestLog } from './http.ts';
import { postOpinion } from './opinions.ts';
import type { RelayServices } from './services.ts';

export const BODY_LIMIT = 1024 * 1024;

export function createApp(services: RelayServices): Hono<RelayEnv> {
  const { config, devices, directory, log, now } = services;
  const app = new Hono<RelayEnv>();
  app.use('*', corsFor(config.appOrigins));
  app.use('*', requestLog(log, now));
  app.onError((error, c) => {
    log.error(
      { error: error.name, stack: error.stack?.split('\n').slice(1, 6).join('\n') },
      'request failed',
    );
    return c.json({ error: 'relay-error' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not-found' }, 404));

  app.get('/api/v2/relay', async (c) => {
    const state = await directory.state();
    return c.json({
      relay: 1,
      organisation: config.organisation,
      directory: { count: state.count, updatedAt: state.updatedAt },
    });
  });
  app.post('/api/v2/devices', enrolDevice(devices));
  app.use('/api/v2/*', requireDevice(devices));
  app.post(
    '/api/v2/opinions',
    bodyLimit({ maxSize: BODY_LIMIT, onError: (c) => c.json({ error: 'The story is over 1 MiB' }, 413) }),
    postOpinion(services),
  );
  app.get('/api/v2/healthservices', listServices(directory));
  app.get('/api/v2/healthservices/:nacs', getService(directory));
  app.get('/api/v2/directory', downloadDirectory(directory));
  app.route('/admin/api', adminApi(services));
  mountAdminPage(app);
  return app;
}
