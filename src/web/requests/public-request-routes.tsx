import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { searchOffices } from '../../modules/offices/office-search.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { getOfficeSettings, listOffices, type Office } from '../../modules/offices/queries.ts';
import { completeRequest } from '../../modules/requests/complete-request.ts';
import { findRequestByNumber } from '../../modules/requests/queries.ts';
import { readTrackingView } from '../../modules/requests/read-tracking-view.ts';
import { renderTrackingPage } from './tracking-page.tsx';
import {
  countLinkUse,
  resolveRequestAccess,
  type RequestAccess,
} from '../../modules/requests/request-access.ts';
import {
  isDocumentKind,
  readReleasedFile,
  renderRequestDocument,
} from '../../modules/requests/request-documents.ts';
import { submitRequest } from '../../modules/requests/submit-request.ts';
import { withdrawRequest } from '../../modules/requests/withdraw-request.ts';
import type { Errors, Values } from '../shared/forms.tsx';
import { formAction } from '../form-action.ts';
import { one, readForm } from '../form-data.ts';
import { errorMap, pageCtx, sendPage, setFlash } from '../render.tsx';
import { requestsCtxOf } from './requests-ctx.ts';
import { publicOffice } from '../kit/office.ts';
import { sendFile } from './send-file.ts';
import {
  forgetTracking,
  rememberSubmitted,
  rememberTracking,
  takeSubmitted,
  trackingProof,
} from './tracking-cookie.ts';
import { uploadsOf } from './uploads-of.ts';
import {
  NationalRequestPage,
  RequestFormPage,
  SubmittedPage,
  TrackingLookupPage,
  TrackingPage,
} from './public-request-pages.tsx';

type OfficeParams = { Params: { office: string } };

// Public pages of information requests: the form (per office and national), the confirmation,
// the tracking page (number + tracking code), and emailed download links.
export async function publicRequestRoutes(app: FastifyInstance): Promise<void> {
  const ctx = requestsCtxOf(app);
  const keys = app.services.config.dataKeys;

  const renderForm = async (
    req: FastifyRequest<OfficeParams>,
    reply: FastifyReply,
    office: Office,
    errors: Errors = {},
    values: Values = {},
    status = 200,
  ) =>
    sendPage(
      reply,
      <RequestFormPage
        ctx={pageCtx(req, reply)}
        office={office}
        settings={await getOfficeSettings(ctx.db, office.id)}
        errors={errors}
        values={{
          requesterType: 'PERORANGAN',
          deliveryMethod: 'EMAIL',
          accessMethods: ['SALINAN_SOFTCOPY'],
          ...values,
        }}
      />,
      status,
    );

  app.get('/permohonan', async (req, reply) => {
    const { q } = z.object({ q: z.string().trim().max(100).optional().catch(undefined) }).parse(req.query);
    const results = q ? searchOffices(await listOffices(ctx.db), q) : null;
    return sendPage(reply, <NationalRequestPage ctx={pageCtx(req, reply)} q={q ?? ''} results={results} />);
  });

  app.get<OfficeParams>('/:office/permohonan', async (req, reply) =>
    renderForm(req, reply, await publicOffice(req)),
  );

  app.post<OfficeParams>(
    '/:office/permohonan',
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const office = await publicOffice(req);
      const form = await readForm(req);
      return formAction(
        req,
        reply,
        () =>
          submitRequest(ctx, req.actor, {
            officeId: office.id,
            channel: 'WEB',
            data: form.fields,
            uploads: uploadsOf(form),
          }),
        (errors, status) => renderForm(req, reply, office, errors, form.fields as Values, status),
        (result) => {
          rememberSubmitted(reply, keys, {
            officeId: office.id,
            number: result.number,
            trackingCode: result.trackingCode,
            dueDate: result.dueDate,
            documentsToken: result.documentsToken,
            email: Boolean(one(form.fields, 'email')),
          });
          rememberTracking(reply, keys, {
            officeId: office.id,
            number: result.number,
            code: result.trackingCode,
          });
          return reply.redirect(`/${office.slug}/permohonan/terkirim`);
        },
      );
    },
  );

  app.get<OfficeParams>('/:office/permohonan/terkirim', async (req, reply) => {
    const office = await publicOffice(req);
    const notice = takeSubmitted(req, reply, keys, office.id);
    if (!notice) return reply.redirect(`/${office.slug}/permohonan/cek`);
    return sendPage(reply, <SubmittedPage ctx={pageCtx(req, reply)} office={office} notice={notice} />);
  });

  // ── Tracking page: number + tracking code once, then an encrypted cookie ──────────────────
  const trackingAccess = (req: FastifyRequest, office: Office): RequestAccess | null => {
    const proof = trackingProof(req, keys, office.id);
    return proof ? { kind: 'tracking', officeId: office.id, number: proof.number, code: proof.code } : null;
  };
  const renderTracking = (
    req: FastifyRequest,
    reply: FastifyReply,
    office: Office,
    access: RequestAccess,
    errors: Errors = {},
    values: Values = {},
    status = 200,
  ) => renderTrackingPage(ctx, req, reply, office, access, { errors, values, status });

  app.get<OfficeParams>('/:office/permohonan/cek', async (req, reply) => {
    const office = await publicOffice(req);
    const access = trackingAccess(req, office);
    if (!access)
      return sendPage(
        reply,
        <TrackingLookupPage ctx={pageCtx(req, reply)} office={office} errors={{}} values={{}} />,
      );
    try {
      return await renderTracking(req, reply, office, access);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'NOT_FOUND') throw e;
      forgetTracking(reply);
      return sendPage(
        reply,
        <TrackingLookupPage ctx={pageCtx(req, reply)} office={office} errors={{}} values={{}} />,
      );
    }
  });

  // Rate-limited: the code has 80 bits, but nobody should be able to try many.
  app.post<OfficeParams>(
    '/:office/permohonan/cek',
    { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const office = await publicOffice(req);
      const { fields } = await readForm(req);
      const number = (one(fields, 'number') ?? '').trim();
      const code = (one(fields, 'code') ?? '').trim();
      const lookupPage = (errors: Errors, status: number) =>
        sendPage(
          reply,
          <TrackingLookupPage
            ctx={pageCtx(req, reply)}
            office={office}
            errors={errors}
            values={{ number }}
          />,
          status,
        );
      if (!number || !code) {
        return lookupPage(
          errorMap(req.t, [
            ...(number ? [] : [{ field: 'number', key: 'validation.required' }]),
            ...(code ? [] : [{ field: 'code', key: 'validation.required' }]),
          ]),
          400,
        );
      }
      try {
        await resolveRequestAccess(ctx, { kind: 'tracking', officeId: office.id, number, code });
      } catch (e) {
        if (isAppError(e) && e.code === 'NOT_FOUND')
          return lookupPage({ code: req.t('requests.error.trackingNotFound') }, 404);
        throw e;
      }
      rememberTracking(reply, keys, { officeId: office.id, number, code });
      return reply.redirect(`/${office.slug}/permohonan/cek`);
    },
  );

  app.post<OfficeParams>('/:office/permohonan/cek/keluar', async (req, reply) => {
    const office = await publicOffice(req);
    forgetTracking(reply);
    return reply.redirect(`/${office.slug}/permohonan/cek`);
  });

  const requireTracking = (req: FastifyRequest, office: Office): RequestAccess & { kind: 'tracking' } => {
    const access = trackingAccess(req, office);
    if (!access || access.kind !== 'tracking')
      throw new AppError('NOT_FOUND', 'requests.error.trackingNotFound');
    return access;
  };

  app.get<{ Params: { office: string; kind: string } }>(
    '/:office/permohonan/cek/dokumen/:kind',
    async (req, reply) => {
      const office = await publicOffice(req);
      if (!isDocumentKind(req.params.kind)) throw AppError.notFound();
      const doc = await renderRequestDocument(ctx, requireTracking(req, office), req.params.kind);
      return sendFile(reply, { name: doc.filename, mediaType: 'application/pdf', bytes: doc.bytes }, true);
    },
  );

  app.get<{ Params: { office: string; fileId: string } }>(
    '/:office/permohonan/cek/berkas/:fileId',
    async (req, reply) => {
      const office = await publicOffice(req);
      const fileId = z.uuid().safeParse(req.params.fileId);
      if (!fileId.success) throw AppError.notFound();
      return sendFile(reply, await readReleasedFile(ctx, requireTracking(req, office), fileId.data));
    },
  );

  app.post<OfficeParams>('/:office/permohonan/cek/lengkapi', async (req, reply) => {
    const office = await publicOffice(req);
    const access = requireTracking(req, office);
    const request = await findRequestByNumber(ctx.db, office.id, access.number);
    if (!request) throw AppError.notFound();
    const form = await readForm(req);
    return formAction(
      req,
      reply,
      () =>
        completeRequest(ctx, req.actor, {
          officeId: office.id,
          requestId: request.id,
          trackingCode: access.code,
          note: one(form.fields, 'note'),
          uploads: uploadsOf(form),
        }),
      (errors, status) => renderTracking(req, reply, office, access, errors, form.fields as Values, status),
      () => {
        setFlash(reply, { kind: 'success', key: 'requests.flash.completed' });
        return reply.redirect(`/${office.slug}/permohonan/cek`);
      },
    );
  });

  app.post<OfficeParams>('/:office/permohonan/cek/tarik', async (req, reply) => {
    const office = await publicOffice(req);
    const access = requireTracking(req, office);
    const request = await findRequestByNumber(ctx.db, office.id, access.number);
    if (!request) throw AppError.notFound();
    const { fields } = await readForm(req);
    return formAction(
      req,
      reply,
      () =>
        withdrawRequest(ctx, req.actor, {
          officeId: office.id,
          requestId: request.id,
          trackingCode: access.code,
          data: fields,
        }),
      (errors, status) => renderTracking(req, reply, office, access, errors, fields as Values, status),
      () => {
        setFlash(reply, { kind: 'success', key: 'requests.flash.withdrawn' });
        return reply.redirect(`/${office.slug}/permohonan/cek`);
      },
    );
  });

  // ── Emailed links: expiring, no cookie needed ──────────────────────────────────────────────
  type TokenParams = { Params: { office: string; token: string } };
  const linkAccess = (office: Office, token: string): RequestAccess => {
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw new AppError('NOT_FOUND', 'requests.error.linkExpired');
    return { kind: 'link', officeId: office.id, token };
  };

  app.get<TokenParams>('/:office/permohonan/unduh/:token', async (req, reply) => {
    const office = await publicOffice(req);
    const access = linkAccess(office, req.params.token);
    const [view, settings] = await Promise.all([
      readTrackingView(ctx, access),
      getOfficeSettings(ctx.db, office.id),
    ]);
    const base = `/${office.slug}/permohonan/unduh/${req.params.token}`;
    return sendPage(
      reply,
      <TrackingPage
        ctx={pageCtx(req, reply)}
        view={view}
        settings={settings}
        links={{
          document: (kind) => `${base}/dokumen/${kind}`,
          file: (fileId) => `${base}/berkas/${fileId}`,
          actions: false,
        }}
      />,
    );
  });

  app.get<{ Params: { office: string; token: string; kind: string } }>(
    '/:office/permohonan/unduh/:token/dokumen/:kind',
    async (req, reply) => {
      const office = await publicOffice(req);
      if (!isDocumentKind(req.params.kind)) throw AppError.notFound();
      const doc = await renderRequestDocument(ctx, linkAccess(office, req.params.token), req.params.kind);
      return sendFile(reply, { name: doc.filename, mediaType: 'application/pdf', bytes: doc.bytes }, true);
    },
  );

  app.get<{ Params: { office: string; token: string; fileId: string } }>(
    '/:office/permohonan/unduh/:token/berkas/:fileId',
    async (req, reply) => {
      const office = await publicOffice(req);
      const fileId = z.uuid().safeParse(req.params.fileId);
      if (!fileId.success) throw AppError.notFound();
      const file = await readReleasedFile(ctx, linkAccess(office, req.params.token), fileId.data);
      await countLinkUse(ctx, office.id, req.params.token);
      return sendFile(reply, file);
    },
  );
}
