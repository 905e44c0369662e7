/**
 * buildApp(deps): the whole HTTP app (API, OpenAPI description, web client), without listening,
 * so tests call it in-process with `app.request()`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv, Deps } from './lib/context';
import { errorResponse } from './lib/http';
import { auditDenied, createDeniedAudit } from './lib/audit';
import { bodyLimits } from './lib/limits';
import { newId } from './lib/ids';
import { clientIpMiddleware } from './lib/client-ip';
import { idempotencyMiddleware } from './lib/idempotency';
import { sessionBusMiddleware } from './lib/session-bus';
import { OffsetClock } from './lib/clock';
import { csrfMiddleware, sessionMiddleware } from './modules/auth/auth.middleware';
import { authRoutes } from './modules/auth/auth.routes';
import { MODULE_ROUTES } from './modules/index';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

export function buildApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('requestId', c.req.header('x-request-id') ?? newId());
    await next();
  });
  app.use(
    '*',
    secureHeaders({
      // One year, as ASVS asks (the library default is 180 days); only sent over https by browsers' rules.
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
      },
    }),
  );
  // Before the session: a big body is refused (or counted while read) whoever sends it.
  app.use('/api/*', clientIpMiddleware(deps.config.TRUST_PROXY));
  // API answers hold personal data: never kept by a browser or a shared cache.
  // Set before the handler (a route may set its own): reading c.res.headers afterwards would make the Node
  // adapter build a full Response for every answer (a third of the check-in rate under load).
  app.use('/api/*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });
  app.use('/api/*', bodyLimits());
  app.use('/api/*', sessionMiddleware(deps));
  app.use('/api/*', csrfMiddleware({ publicUrl: deps.config.PUBLIC_URL }));
  // Revoked sessions end at once on the other app servers; POSTs with an Idempotency-Key run once (issue 8).
  app.use('/api/*', sessionBusMiddleware(deps));
  app.use('/api/*', idempotencyMiddleware(deps, { leaseMs: deps.config.IDEMPOTENCY_LEASE_SECONDS * 1000 }));

  const api = new OpenAPIHono<AppEnv>();
  api.route('/auth', authRoutes(deps));
  for (const [prefix, routes] of MODULE_ROUTES) api.route(prefix, routes(deps));
  api.get('/health', (c) => c.json({ ok: true, time: deps.clock.now().toISOString() }));
  if (deps.config.NODE_ENV === 'test' && deps.config.TEST_CLOCK && deps.clock instanceof OffsetClock) {
    // Browser tests move the server's clock and run the scheduler now (never in production: config refuses it).
    const clock = deps.clock;
    api.post('/test/clock', async (c) => {
      const body = (await c.req.json()) as { now: string };
      clock.set(body.now);
      return c.json({ now: clock.now().toISOString() });
    });
    api.post('/test/tick', async (c) => {
      const { tick } = await import('./modules/jobs/scheduler');
      return c.json(await tick(deps));
    });
  }
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Congvu API',
      version: '1',
      description: 'API của Congvu: tổ chức, phương án làm việc tại nhà, lịch làm việc, điểm danh, công việc, báo cáo.',
    },
  });
  api.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy địa chỉ API.', issues: [] } }, 404));
  app.route('/api', api);

  // The web client (built by Vite into dist/web); index.html for every other path (client-side routes).
  if (fs.existsSync(WEB_DIST)) {
    const root = path.relative(process.cwd(), WEB_DIST);
    app.use('/assets/*', serveStatic({ root, onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
    // The installable app (PWA): manifest, icons, and the service worker (always revalidated).
    for (const file of ['/favicon.svg', '/manifest.webmanifest', '/icons/*']) app.use(file, serveStatic({ root }));
    app.use('/sw.js', serveStatic({ root, onFound: (_p, c) => c.header('Cache-Control', 'no-cache') }));
  }
  app.get('*', (c) => {
    try {
      return c.html(fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8'));
    } catch {
      return c.text('Congvu: giao diện web chưa được build (npm run build).', 503);
    }
  });

  // Refused requests (403, and 401 on a write) go to the audit log, outside the failed transaction.
  const deniedAudit = createDeniedAudit(deps);
  app.onError(async (err, c) => {
    await auditDenied(deniedAudit, err, c);
    return errorResponse(err, c);
  });
  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy.', issues: [] } }, 404));
  return app;
}

export type App = ReturnType<typeof buildApp>;
