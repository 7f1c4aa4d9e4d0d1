import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError, isAppError, type FieldError } from '../platform/errors.ts';
import type { Translate } from '../platform/i18n.ts';
import { fieldErrorOfIssue } from '../platform/validation.ts';
import { safeError } from '../platform/safe-error.ts';
import { publicActor } from '../modules/access/actor.ts';
import { createTranslate, DEFAULT_LOCALE, localeFromAcceptLanguage, parseLocale } from '../platform/i18n.ts';
import { catalog } from './i18n/catalog.ts';
import { SimpleLayout } from './shared/layout.tsx';
import { pageCtx, sendPage } from './render.tsx';
import { fieldLabel } from './field-labels.ts';

/** The JSON error body of the API: a code, a translated message, and field-level problems. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    fields?: { field: string; message: string }[];
    requestId: string;
  };
}

export function apiErrorBody(t: Translate, err: AppError, requestId: string): ApiErrorBody {
  // `field` stays the schema's key for programs; the message names it by its label (issue 13 item 11).
  const fields = err.fields.map((f) => ({
    field: f.field,
    message: `${fieldLabel(t, f.field) || t('field._unknown')}: ${t(f.key, f.params)}`,
  }));
  return {
    error: {
      code: err.code,
      message:
        fields.length > 0
          ? `${t(err.key, err.params)} ${fields.map((f) => f.message).join(' ')}`
          : t(err.key, err.params),
      ...(fields.length > 0 ? { fields } : {}),
      requestId,
    },
  };
}

function wantsJson(req: FastifyRequest): boolean {
  if (req.url.startsWith('/api/')) return true;
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** Converts anything thrown into the AppError the user will see. */
export function toAppError(err: unknown, uploadMaxBytes = 20 * 1024 * 1024): AppError {
  if (isAppError(err)) return err;
  const e = err as FastifyError & { validation?: unknown[]; validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const fields: FieldError[] = (
      e.validation as { keyword: string; instancePath: string; message: string; params: object }[]
    ).map((v) =>
      fieldErrorOfIssue({
        ...v.params,
        code: v.keyword,
        message: v.message,
        path: v.instancePath.split('/').filter(Boolean),
      } as unknown as z.core.$ZodIssue),
    );
    return AppError.validation(fields);
  }
  switch (e.code) {
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return new AppError('FORBIDDEN', 'error.csrf');
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('PAYLOAD_TOO_LARGE', 'error.fileTooLarge', {
        maxMb: Math.floor(uploadMaxBytes / 1048576),
      });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('URI_TOO_LONG', 'error.uriTooLong');
    case 'FST_ERR_BAD_URL':
      return AppError.notFound();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'error.fileType');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return AppError.validation([{ field: 'body', key: 'validation.invalid' }]);
    default:
      break;
  }
  // A multipart body busboy cannot read (cut off, no boundary, a part without a name).
  if (
    !e.code &&
    err instanceof Error &&
    /multipart|part header|Unexpected end of (form|multipart)|boundary/i.test(err.message)
  ) {
    return new AppError('VALIDATION', 'error.malformedBody', {}, [
      { field: 'body', key: 'validation.invalid' },
    ]);
  }
  // Text the database cannot hold (a NUL byte that got past the text helpers): the input's fault.
  const dbCode = (e as { cause?: { code?: unknown } }).cause?.code ?? (e as { code?: unknown }).code;
  if (dbCode === '22021' || dbCode === '22P05')
    return AppError.validation([{ field: 'body', key: 'validation.controlChars' }]);
  if (e.statusCode === 429) return new AppError('RATE_LIMITED', 'error.rateLimited');
  if (e.statusCode === 404) return AppError.notFound();
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return AppError.validation([{ field: 'body', key: 'validation.invalid' }]);
  }
  return new AppError('INTERNAL', 'error.internal');
}

export function sendError(req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  if (wantsJson(req)) return reply.code(err.status).send(apiErrorBody(req.t, err, req.id));
  const ctx = pageCtx(req, reply);
  const title = req.t(`error.title.${err.status}`);
  return sendPage(
    reply,
    <SimpleLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{req.t(err.key, err.params)}</p>
      {err.fields.length > 0 ? (
        <ul>
          {err.fields.map((f) => (
            <li>
              {fieldLabel(req.t, f.field) || req.t('field._unknown')}: {req.t(f.key, f.params)}
            </li>
          ))}
        </ul>
      ) : null}
      {err.code === 'INTERNAL' ? <p class="muted">{req.t('error.reference', { id: req.id })}</p> : null}
      {err.code === 'UNAUTHENTICATED' ? (
        <p>
          <a href={`/staff/login?next=${encodeURIComponent(req.url)}`}>{req.t('nav.staff')}</a>
        </p>
      ) : (
        <p>
          <a href="/">{req.t('error.goHome')}</a>
        </p>
      )}
    </SimpleLayout>,
    err.status,
  );
}

/**
 * Errors Fastify raises before routing (an over-long or undecodable URL): the request is not
 * decorated yet, so the language comes from the raw headers.
 */
export function frameworkErrorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const isApi = req.url.startsWith('/api/');
  const cookieLang = /(?:^|;\s*)tbk_lang=(id|en)\b/.exec(req.headers.cookie ?? '')?.[1];
  const locale =
    (isApi ? localeFromAcceptLanguage(req.headers['accept-language']) : parseLocale(cookieLang)) ??
    DEFAULT_LOCALE;
  req.locale = locale;
  req.t = createTranslate(catalog, locale);
  req.actor = publicActor(req.id);
  const appError = toAppError(error);
  if (wantsJson(req)) {
    void reply.code(appError.status).send(apiErrorBody(req.t, appError, req.id));
    return;
  }
  // No session, cookies or CSRF exist this early: a plain page without the site's layout.
  const esc = (v: string) => v.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const title = req.t(`error.title.${appError.status}`);
  void reply
    .code(appError.status)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1><p>${esc(req.t(appError.key, appError.params))}</p><p><a href="/">${esc(req.t('error.goHome'))}</a></p></main></body></html>`,
    );
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, req, reply) => {
    const appError = toAppError(error, app.services.config.uploadMaxBytes);
    if (appError.code === 'INTERNAL') req.log.error({ err: safeError(error) }, 'unhandled error');
    else if (appError.status >= 500) req.log.warn({ err: safeError(error) }, 'service error');
    // A failure before the request was fully decorated must still produce a page.
    if (!req.t) req.t = (k: string) => k;
    if (!req.actor) req.actor = publicActor(req.id);
    return sendError(req, reply, appError);
  });
  app.setNotFoundHandler((req, reply) => {
    if (!req.t) req.t = (k: string) => k;
    if (!req.actor) req.actor = publicActor(req.id);
    return sendError(req, reply, AppError.notFound());
  });
}
