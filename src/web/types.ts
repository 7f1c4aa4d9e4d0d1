import type { Locale, Translate } from '../platform/i18n.ts';
import type { Actor } from '../modules/access/actor.ts';
import type { Permission } from '../modules/access/permissions.ts';
import type { Office } from '../modules/offices/queries.ts';
import type { User } from '../modules/people/queries.ts';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    actor: Actor;
    user: User | null;
    sessionToken: string | null;
    /** The office named in a /staff/:office/… or office-scoped URL, once resolved. */
    office: Office | null;
  }
  interface FastifyContextConfig {
    /**
     * What a staff route needs: a permission checked against the office in the URL, or
     * 'signedIn' for routes outside any office. Collected for the isolation tests.
     */
    permission?: Permission | 'signedIn';
    /** Public routes that accept form posts still need CSRF; API routes use tokens instead. */
    csrf?: boolean;
  }
}

export {};
