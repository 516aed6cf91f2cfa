// The relay's HTTP interface: the device API under /api/v2, health and metrics, the built app at
// / (when it serves it), and the admin page and API under /admin — on the same listener, or on a
// listener of their own (RELAY_ADMIN_PORT) so the admin page never shares the app's origin.
// Every answer carries no personal data; the device API answers CORS.
import { Hono } from 'hono';
import { adminApi } from './admin/api.ts';
import { mountAdminPage } from './admin/page.ts';
import { mountApp } from './appFiles.ts';
import { deskRoutes } from './deskRoutes.ts';
import { enrolDevice, requireDevice } from './deviceRoutes.ts';
import { downloadDirectory, getService, listServices } from './directory/routes.ts';
import { exportKey, reportStatus, whoAmI } from './fleetRoutes.ts';
import { mountHealth } from './health.ts';
import {
  type BodyLimit,
  bodyLimits,
  clientAddress,
  corsFor,
  errorFields,
  type RelayEnv,
  requestLog,
} from './http.ts';
import { postOpinion, STORY_BODY_LIMIT } from './opinions.ts';
import type { RelayServices } from './services.ts';
import { SEALED_FILE_MAX_BYTES } from './shared.ts';

export const KIB = 1024;
export const MIB = 1024 * KIB;
export { STORY_BODY_LIMIT };
/** Everything else: an enrolment code, a status report, an admin request, any route not named below. */
export const BODY_LIMIT = 4 * KIB;
/**
 * A story sealed to the posting desk, `{ kid, sealed }`: the request at most a story's 1 MiB, so
 * nginx's one limit for /api/ (deploy/nginx.conf) covers both.
 */
export const DESK_STORY_LIMIT = STORY_BODY_LIMIT;
/**
 * The most bytes a request body may hold, by path prefix (the first that matches; BODY_LIMIT for
 * the rest), answered 413 before the body is read. A route that needs more (an import) adds its
 * own row here, above any broader prefix it sits under.
 */
export const BODY_LIMITS: readonly BodyLimit[] = [
  ['/api/v2/opinions', STORY_BODY_LIMIT],
  ['/api/v2/desk/stories', DESK_STORY_LIMIT],
  ['/api/v2/devices', BODY_LIMIT],
  ['/admin/api/imports', SEALED_FILE_MAX_BYTES],
  ['/admin/api/', BODY_LIMIT],
];

/** What every listener shares: the client's address, the request log and error handling. */
function base(services: RelayServices): Hono<RelayEnv> {
  const { config, log, now, metrics } = services;
  const app = new Hono<RelayEnv>();
  app.use('*', clientAddress(config.trustProxy ?? []));
  app.use('*', requestLog(log, now, metrics));
  app.onError((error, c) => {
    log.error({ ...errorFields(error), route: c.req.routePath }, 'request failed');
    return c.json({ error: 'relay-error' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not-found' }, 404));
  return app;
}

function mountAdmin(app: Hono<RelayEnv>, services: RelayServices): void {
  app.route('/admin/api', adminApi(services));
  mountAdminPage(app);
}

/** The main listener; with `withAdmin` false the admin page and API are left to createAdminApp. */
export function createApp(services: RelayServices, withAdmin = true): Hono<RelayEnv> {
  const { config, devices, directory, log } = services;
  const app = base(services);
  app.use('/api/*', corsFor(config.appOrigins));
  app.use('*', bodyLimits(BODY_LIMITS, BODY_LIMIT)); // after CORS: a 413 carries it too
  mountHealth(app, services);

  // Without a token the relay says only that it is one (nothing about the organisation).
  app.get('/api/v2/relay', (c) => c.json({ relay: 1 }));
  app.post('/api/v2/devices', enrolDevice(devices, log));
  app.use('/api/v2/*', requireDevice(devices));
  // An enrolled iPad's "Test connection": its token accepted (else 401), and Care Opinion's answer
  // to the relay's key asked now.
  app.get('/api/v2/relay/status', async (c) => {
    const state = await directory.state();
    return c.json({
      relay: 1,
      organisation: config.organisation,
      upstream: await services.checkKey('device-test'),
      directory: { count: state.count, updatedAt: state.updatedAt },
    });
  });
  app.post('/api/v2/opinions', postOpinion(services));
  app.post('/api/v2/devices/me/status', reportStatus(services.fleet));
  app.get('/api/v2/devices/me', whoAmI);
  app.get('/api/v2/relay/export-key', exportKey(services));
  const desk = deskRoutes(services.desk, log);
  app.get('/api/v2/desk/key', desk.key);
  app.post('/api/v2/desk/stories', desk.receive);
  app.get('/api/v2/desk/stories/status', desk.status);
  app.delete('/api/v2/desk/stories/:key', desk.withdraw);
  app.get('/api/v2/healthservices', listServices(directory));
  app.get('/api/v2/healthservices/:nacs', getService(directory));
  app.get(
    '/api/v2/directory',
    downloadDirectory(directory, (representation, status) =>
      services.metrics.directoryDownloads.inc({ representation, status }),
    ),
  );
  if (withAdmin) mountAdmin(app, services);
  if (config.appDir) mountApp(app, services, config.appDir);
  return app;
}

/** The admin listener (RELAY_ADMIN_PORT): the admin page and API, and the health checks. */
export function createAdminApp(services: RelayServices): Hono<RelayEnv> {
  const app = base(services);
  app.use('*', bodyLimits(BODY_LIMITS, BODY_LIMIT));
  app.get('/', (c) => c.redirect('/admin/'));
  mountHealth(app, services);
  mountAdmin(app, services);
  return app;
}
