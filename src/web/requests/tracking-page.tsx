import type { FastifyReply, FastifyRequest } from 'fastify';
import { readObjectionTracking } from '../../modules/objections/read-objection-tracking.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { getOfficeSettings } from '../../modules/offices/queries.ts';
import type { RequestAccess } from '../../modules/requests/request-access.ts';
import type { RequestsCtx } from '../../modules/requests/requests-ctx.ts';
import { readTrackingView } from '../../modules/requests/read-tracking-view.ts';
import type { ActiveObjectionForm } from '../objections/objection-tracking-section.tsx';
import type { Errors, Values } from '../shared/forms.tsx';
import { pageCtx, sendPage } from '../render.tsx';
import { TrackingPage, type TrackingLinks } from './public-request-pages.tsx';

/** Links of the tracking page reached with number + tracking code (the cookie). */
export const trackingLinks = (office: Office): TrackingLinks => ({
  document: (kind) => `/${office.slug}/permohonan/cek/dokumen/${kind}`,
  file: (fileId) => `/${office.slug}/permohonan/cek/berkas/${fileId}`,
  actions: true,
});

/**
 * Draws the tracking page: the request and its objections. The request routes and the
 * objection routes (reaction, withdrawal) both re-draw it with a form's errors.
 */
export async function renderTrackingPage(
  ctx: RequestsCtx,
  req: FastifyRequest,
  reply: FastifyReply,
  office: Office,
  access: RequestAccess,
  opts: {
    errors?: Errors;
    values?: Values;
    status?: number;
    objectionForm?: ActiveObjectionForm | null;
  } = {},
): Promise<FastifyReply> {
  const [view, settings, objections] = await Promise.all([
    readTrackingView(ctx, access),
    getOfficeSettings(ctx.db, office.id),
    readObjectionTracking(ctx, access),
  ]);
  return sendPage(
    reply,
    <TrackingPage
      ctx={pageCtx(req, reply)}
      view={view}
      settings={settings}
      links={trackingLinks(office)}
      errors={opts.errors ?? {}}
      values={opts.values ?? {}}
      objections={objections}
      objectionForm={opts.objectionForm ?? null}
    />,
    opts.status ?? 200,
  );
}
