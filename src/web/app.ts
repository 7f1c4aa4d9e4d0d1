import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Config } from '../platform/config.ts';
import type { Clock } from '../platform/clock.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import type { FileStore } from '../platform/storage/file-store.ts';
import { createTranslate, DEFAULT_LOCALE, localeFromAcceptLanguage, parseLocale } from '../platform/i18n.ts';
import { publicActor } from '../modules/access/actor.ts';
import { actorForApiToken } from '../modules/people/api-tokens.ts';
import { resolveSignedIn } from '../modules/access/signed-in.ts';
import { LANG_COOKIE, SESSION_COOKIE } from './cookies.ts';
import { catalog } from './i18n/catalog.ts';
import { registerControlCharacterCheck } from './control-chars.ts';
import { frameworkErrorHandler, registerErrorHandling } from './http-errors.tsx';
import { routeModules } from './routes.ts';
import { registerUploadLimits, spoolFile } from './upload-limits.ts';
import { finishOpenApi } from './system/openapi-document.ts';
import './types.ts';
import '../modules/deadline-listeners.ts';

export interface AppServices {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  files: FileStore;
  /** Where the server log goes (default stdout); tests capture it. */
  logStream?: NodeJS.WritableStream;
}

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

/** A staff route as collected for the isolation tests. */
export interface StaffRoute {
  method: string;
  url: string;
  permission: string;
}

/** Every route of the app (for the route-table-driven test suites: isolation, bad input). */
export interface RouteEntry {
  method: string;
  url: string;
  permission: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
    staffRoutes: StaffRoute[];
    routeTable: RouteEntry[];
  }
}

function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

export async function buildApp(services: AppServices): Promise<FastifyInstance> {
  const { config } = services;
  // One log line per request, written asynchronously in 8 KB blocks (pino's default is a
  // synchronous write per line, and Fastify's two lines per request — 22–41% of the CPU under
  // load). The buffer is flushed on exit (ADR 0057).
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            stream: services.logStream ?? pino.destination({ dest: 1, sync: false, minLength: 8192 }),
          },
    logController: new LogController({ disableRequestLogging: true }),
    // A hop count trusts the nearest N addresses (as Fastify does for a number).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: frameworkErrorHandler,
  });
  app.decorate('services', services);
  app.decorate('staffRoutes', [] as StaffRoute[]);
  app.decorate('routeTable', [] as RouteEntry[]);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      if (method !== 'HEAD') app.routeTable.push({ method, url: route.url, permission });
    if (!permission) return;
    for (const method of methods) {
      if (method === 'HEAD') continue;
      app.staffRoutes.push({ method, url: route.url, permission });
    }
  });

  await app.register(fastifyCookie, { secret: config.secretKey });
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, {
    attachFieldsToBody: true,
    // Each file streams to an encrypted temporary file; nothing is held in memory (ADR 0064).
    onFile: spoolFile(config),
    limits: { fileSize: config.uploadMaxBytes, files: 20, fields: 200, fieldSize: 200_000, parts: 250 },
  });
  await app.register(fastifyCsrf, {
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: true, secure: 'auto' },
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const field = body?._csrf;
      const value =
        typeof field === 'string'
          ? field
          : field && typeof field === 'object' && 'value' in field
            ? String(field.value)
            : undefined;
      return value ?? (req.headers['x-csrf-token'] as string | undefined) ?? '';
    },
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.env === 'production',
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Terbuka API',
        description:
          'Public and staff API of Terbuka, the public-information service (PPID) under UU 14/2008. ' +
          'Staff endpoints need a bearer token (`terbuka token create`). Error messages follow Accept-Language (id, en).',
        version: '1',
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      },
    },
    transform: jsonSchemaTransform,
    // Fills components.schemas with the schemas named by .meta({ id }), which the paths refer to.
    transformObject: (input) => finishOpenApi(jsonSchemaTransformObject(input), config.publicUrl),
    hideUntagged: true,
  });

  await app.register(fastifyStatic, {
    root: path.join(here, 'assets'),
    prefix: '/assets/',
    maxAge: config.env === 'production' ? '1d' : 0,
  });
  await app.register(async (vendor) => {
    await vendor.register(fastifyStatic, {
      root: [
        path.join(path.dirname(require.resolve('@picocss/pico/package.json')), 'css'),
        path.join(path.dirname(require.resolve('htmx.org/package.json')), 'dist'),
      ],
      prefix: '/assets/vendor/',
      decorateReply: false,
      allowedPath: (p) => p === '/pico.red.min.css' || p === '/htmx.min.js',
      maxAge: config.env === 'production' ? '7d' : 0,
    });
  });

  // Who is asking, and in which language.
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('t', null as never);
  app.decorateRequest('actor', null as never);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('office', null);
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/assets/')) return;
    const isApi = req.url.startsWith('/api/');
    req.locale =
      (isApi ? undefined : parseLocale(req.cookies[LANG_COOKIE])) ??
      (isApi ? localeFromAcceptLanguage(req.headers['accept-language']) : DEFAULT_LOCALE);
    req.t = createTranslate(catalog, req.locale);
    req.actor = publicActor(req.id);
    if (req.url === '/healthz' || req.url === '/readyz') return;
    const ctx = { db: services.database.db, clock: services.clock };
    if (isApi) {
      // The API authenticates by bearer token only, never by the session cookie, so a
      // browser cannot be tricked into calling it (no CSRF on the API).
      const auth = req.headers.authorization;
      if (auth?.startsWith('Bearer ')) {
        const actor = await actorForApiToken(ctx, auth.slice(7).trim(), req.id);
        if (actor) req.actor = actor;
        else req.actor = { ...publicActor(req.id), label: 'invalid-token' };
      }
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    // Session, user and today's roles in one round trip (ADR 0104).
    const signedIn = await resolveSignedIn(ctx.db, token, services.clock.now(), config.session, req.id);
    if (!signedIn) return;
    const { user } = signedIn;
    req.user = user;
    req.sessionToken = token;
    req.actor = signedIn.actor;
    if (user.locale && !parseLocale(req.cookies[LANG_COOKIE])) {
      req.locale = user.locale;
      req.t = createTranslate(catalog, req.locale);
    }
  });

  registerUploadLimits(app, config);

  // Every state-changing browser request carries a CSRF token (API requests use tokens).
  app.addHook('preHandler', (req, reply, done) => {
    const safe = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS';
    if (safe || req.url.startsWith('/api/') || req.routeOptions.config?.csrf === false) return done();
    app.csrfProtection(req, reply, done);
  });

  // The request line: the route pattern, never the raw URL (which may carry a tracking code or
  // a search typed by a visitor), status and time.
  if (config.logLevel !== 'silent')
    app.addHook('onResponse', (req, reply, done) => {
      req.log.info(
        {
          method: req.method,
          route: req.routeOptions.url ?? '(none)',
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
      done();
    });

  registerErrorHandling(app);
  registerControlCharacterCheck(app);
  for (const register of routeModules) await app.register(register);
  return app;
}
