import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { listArchiveItems } from '../../modules/archive/queries.ts';
import { decideDipProposal } from '../../modules/dip/decide-dip-proposal.ts';
import { deleteDipEntry } from '../../modules/dip/delete-dip-entry.ts';
import { findWorkingEntry, type WorkingEntry } from '../../modules/dip/queries.ts';
import { saveDipEntry } from '../../modules/dip/save-dip-entry.ts';
import { listUnits } from '../../modules/offices/queries.ts';
import type { Errors, Values } from '../shared/forms.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { formAction } from '../form-action.ts';
import { readForm } from '../form-data.ts';
import { pageCtx, sendPage, setFlash } from '../render.tsx';
import { uuidParam } from './dip-cycle-routes.tsx';
import { emptyOverviewForms, renderOverview } from './dip-overview.tsx';
import { EntryForm } from './entry-form.tsx';
import { staffRoutes, officeOf } from '../kit/office.ts';

// The PPID's side edits the draft DIP: add, change, remove entries; accept or reject units'
// proposals.

export async function dipEntryRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = { db: app.services.database.db, clock: app.services.clock };
  const renderForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    entry: WorkingEntry | undefined,
    errors: Errors,
    values: Values,
    status = 200,
  ) => {
    const office = officeOf(req);
    const [archive, units] = await Promise.all([
      listArchiveItems(ctx.db, office.id),
      listUnits(ctx.db, office.id),
    ]);
    const c = pageCtx(req, reply);
    const title = entry ? c.t('dip.entry.editTitle') : c.t('dip.entries.add');
    return sendPage(
      reply,
      <StaffLayout ctx={c} title={title}>
        <h1>{title}</h1>
        <EntryForm
          ctx={c}
          action={entry ? `/staff/${office.slug}/dip/entri/${entry.id}` : `/staff/${office.slug}/dip/entri`}
          errors={errors}
          values={values}
          archive={archive}
          unitNames={units.map((u) => u.name)}
          submitLabel={c.t('app.save')}
          hidden={entry ? { expectedUpdatedAt: entry.updatedAt.toISOString() } : {}}
        />
        <p>
          <a href={`/staff/${office.slug}/dip`}>{c.t('app.back')}</a>
        </p>
      </StaffLayout>,
      status,
    );
  };

  const done = (req: FastifyRequest, reply: FastifyReply, key: string) => {
    setFlash(reply, { kind: 'success', key });
    return reply.redirect(`/staff/${officeOf(req).slug}/dip`);
  };

  const load = async (req: FastifyRequest<{ Params: { entryId: string } }>) => {
    const entry = await findWorkingEntry(ctx.db, officeOf(req).id, uuidParam(req.params.entryId));
    if (!entry) throw AppError.notFound();
    return entry;
  };

  staff.get('/staff/:office/dip/entri/baru', 'manageDip', (req, reply) =>
    renderForm(
      req,
      reply,
      undefined,
      {},
      { category: 'BERKALA', formats: ['SOFTCOPY', 'HARDCOPY'], fileTypes: 'PDF' },
    ),
  );

  staff.post('/staff/:office/dip/entri', 'manageDip', async (req, reply, office) => {
    const { fields } = await readForm(req);
    return formAction(
      req,
      reply,
      () => saveDipEntry(ctx, req.actor, { officeId: office.id, data: fields }),
      (errors, status) => renderForm(req, reply, undefined, errors, fields, status),
      () => done(req, reply, 'dip.flash.entrySaved'),
    );
  });

  staff.get<{ Params: { office: string; entryId: string } }>(
    '/staff/:office/dip/entri/:entryId',
    'manageDip',
    async (req, reply) => {
      const entry = await load(req);
      return renderForm(req, reply, entry, {}, { ...entry });
    },
  );

  staff.post<{ Params: { office: string; entryId: string } }>(
    '/staff/:office/dip/entri/:entryId',
    'manageDip',
    async (req, reply, office) => {
      const entry = await load(req);
      const { fields } = await readForm(req);
      const expected = typeof fields.expectedUpdatedAt === 'string' ? fields.expectedUpdatedAt : undefined;
      return formAction(
        req,
        reply,
        () =>
          saveDipEntry(ctx, req.actor, {
            officeId: office.id,
            entryId: entry.id,
            expectedUpdatedAt: expected,
            data: fields,
          }),
        (errors, status) => renderForm(req, reply, entry, errors, fields, status),
        () => done(req, reply, 'dip.flash.entrySaved'),
      );
    },
  );

  staff.post<{ Params: { office: string; entryId: string } }>(
    '/staff/:office/dip/entri/:entryId/hapus',
    'manageDip',
    async (req, reply, office) => {
      await deleteDipEntry(ctx, req.actor, {
        officeId: office.id,
        entryId: uuidParam(req.params.entryId),
      });
      return done(req, reply, 'dip.flash.entryRemoved');
    },
  );

  staff.post<{ Params: { office: string; entryId: string } }>(
    '/staff/:office/dip/entri/:entryId/putuskan',
    'manageDip',
    async (req, reply, office) => {
      const entryId = uuidParam(req.params.entryId);
      const { fields } = await readForm(req);
      return formAction(
        req,
        reply,
        () => decideDipProposal(ctx, req.actor, { officeId: office.id, entryId, data: fields }),
        (errors, status) =>
          renderOverview(req, reply, { ...emptyOverviewForms(), decide: { entryId, errors } }, status),
        (e) => done(req, reply, e.status === 'INCLUDED' ? 'dip.flash.accepted' : 'dip.flash.rejected'),
      );
    },
  );
}
