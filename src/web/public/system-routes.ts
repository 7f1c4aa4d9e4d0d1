import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { migrationStatus } from '../../platform/db/migrate.ts';
import { LOCALES, type Locale } from '../../platform/i18n.ts';
import { LANG_COOKIE } from '../cookies.ts';

/** Only same-site paths are followed after switching language (no open redirect). */
export function safeNext(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

export async function systemRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.services.database;

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_req, reply) => {
    try {
      await db.execute(sql`select 1`);
      const status = await migrationStatus(db);
      if (status.pending.length > 0) {
        return reply.code(503).send({ status: 'migrations-pending', pending: status.pending });
      }
      return { status: 'ready', database: app.services.database.kind, migrations: status.applied };
    } catch {
      return reply.code(503).send({ status: 'database-unreachable' });
    }
  });

  app.get<{ Params: { lang: string }; Querystring: { next?: string } }>('/bahasa/:lang', async (req, reply) => {
    const lang = z.enum(LOCALES as [Locale, ...Locale[]]).catch('id').parse(req.params.lang);
    reply.setCookie(LANG_COOKIE, lang, { path: '/', sameSite: 'lax', httpOnly: true, secure: 'auto', maxAge: 365 * 86400 });
    return reply.redirect(safeNext(req.query.next));
  });
}
