import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { FieldError } from '../platform/errors.ts';
import type { Locale, Translate } from '../platform/i18n.ts';
import type { Actor, ActiveRole } from '../modules/access/actor.ts';
import type { Office } from '../modules/offices/queries.ts';
import type { User } from '../modules/people/queries.ts';

/** What every page needs to draw itself. */
export interface PageCtx {
  t: Translate;
  locale: Locale;
  actor: Actor;
  user: User | null;
  csrf: string;
  path: string;
  flash: Flash | null;
  office: Office | null;
}

export interface Flash {
  kind: 'success' | 'info' | 'warning' | 'error';
  key: string;
  params?: Record<string, string | number>;
}

export const FLASH_COOKIE = 'tbk_flash';

export function setFlash(reply: FastifyReply, flash: Flash): void {
  reply.setCookie(FLASH_COOKIE, JSON.stringify(flash), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    signed: true,
    maxAge: 60,
  });
}

function takeFlash(req: FastifyRequest, reply: FastifyReply): Flash | null {
  const raw = req.cookies[FLASH_COOKIE];
  if (!raw) return null;
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const unsigned = reply.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  try {
    return JSON.parse(unsigned.value) as Flash;
  } catch {
    return null;
  }
}

const csrfIssued = new WeakSet<FastifyReply>();

/** Whether the page drawn for this reply asked for a CSRF token (so it holds a form and cannot be shared). */
export function issuedCsrf(reply: FastifyReply): boolean {
  return csrfIssued.has(reply);
}

export function pageCtx(req: FastifyRequest, reply: FastifyReply): PageCtx {
  // The CSRF token (a signed cookie and an HMAC) is made only when a form on the page asks
  // for it: most public pages have none (ADR 0072).
  let csrf: string | undefined;
  return {
    t: req.t,
    locale: req.locale,
    actor: req.actor,
    user: req.user,
    get csrf() {
      if (csrf === undefined) {
        csrf = reply.generateCsrf();
        csrfIssued.add(reply);
      }
      return csrf;
    },
    path: req.url,
    flash: req.method === 'GET' ? takeFlash(req, reply) : null,
    office: req.office,
  };
}

/** The page as HTML. */
export function renderPage(node: VNode): string {
  return `<!doctype html>${render(node)}`;
}

export function sendHtml(reply: FastifyReply, html: string, status = 200): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(html);
}

export function sendPage(reply: FastifyReply, node: VNode, status = 200): FastifyReply {
  return sendHtml(reply, renderPage(node), status);
}

/** Field errors keyed by field name, translated, for re-drawing a form. */
export function errorMap(t: Translate, fields: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const msg = t(f.key, f.params);
    out[f.field] = out[f.field] ? `${out[f.field]} ${msg}` : msg;
  }
  return out;
}

/** The offices the actor works in, for the office switcher. */
export function actorOffices(actor: Actor): Pick<ActiveRole, 'officeSlug' | 'officeName' | 'officeId'>[] {
  const seen = new Map<string, Pick<ActiveRole, 'officeSlug' | 'officeName' | 'officeId'>>();
  for (const r of actor.roles) {
    if (!seen.has(r.officeId))
      seen.set(r.officeId, { officeId: r.officeId, officeSlug: r.officeSlug, officeName: r.officeName });
  }
  return [...seen.values()];
}

export type Children = ComponentChildren;
