import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pingDatabase } from '../../platform/db/database.ts';
import { migrationStatus } from '../../platform/db/migrate.ts';
import { LOCALES, type Locale } from '../../platform/i18n.ts';
import { LANG_COOKIE } from '../cookies.ts';

const SELF = 'http://terbuka.invalid';

/**
 * Only same-origin relative paths are followed after signing in or switching language (no open
 * redirect). The value is parsed with the URL API against a placeholder origin: anything that
 * leaves it (`//host`, `/\\host`, `javascript:`), and any control character or backslash —
 * which browsers strip or turn into `/` before resolving (`/%09/host` arrives as `/\t/host`
 * and becomes `//host`) — gives the fallback. Encoded forms are checked once decoded too.
 */
export function safeNext(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || /[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let decoded = next;
  try {
    for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(decoded); i++) decoded = decodeURIComponent(decoded);
  } catch {
    return fallback;
  }
  if (
    decoded.startsWith('//') ||
    /^\/[\u0000-\u0020\u007f\\]/.test(decoded) ||
    /[\u0000-\u001f\u007f]/.test(decoded)
  )
    return fallback;
  let url: URL;
  try {
    url = new URL(next, SELF);
  } catch {
    return fallback;
  }
  if (url.origin !== SELF) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? fallback : path;
}

export async function systemRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.services.database;

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_req, reply) => {
    try {
      await pingDatabase(db);
      const status = await migrationStatus(db);
      if (status.pending.length > 0) {
        return reply.code(503).send({ status: 'migrations-pending', pending: status.pending });
      }
      return { status: 'ready', database: app.services.database.kind, migrations: status.applied };
    } catch {
      return reply.code(503).send({ status: 'database-unreachable' });
    }
  });

  app.get<{ Params: { lang: string }; Querystring: { next?: string } }>(
    '/bahasa/:lang',
    async (req, reply) => {
      const lang = z
        .enum(LOCALES as [Locale, ...Locale[]])
        .catch('id')
        .parse(req.params.lang);
      reply.setCookie(LANG_COOKIE, lang, {
        path: '/',
        sameSite: 'lax',
        httpOnly: true,
        secure: 'auto',
        maxAge: 365 * 86400,
      });
      return reply.redirect(safeNext(req.query.next));
    },
  );
}
