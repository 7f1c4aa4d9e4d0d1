import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  addElectionPeriod,
  listElectionPeriods,
  removeElectionPeriod,
} from '../../modules/calendar/election-periods.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/i18n.ts';
import { ActionButton, Csrf, ErrorSummary, TextField, type Errors, type Values } from '../shared/forms.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { formAction } from '../form-action.ts';
import { readForm } from '../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { staffRoutes, officeOf } from '../kit/office.ts';

// National election periods (issue 13 item 5, ADR 0047): the national admin switches the
// election profile of Perki 1/2019 on for every office for the stages of an election.

type Period = Awaited<ReturnType<typeof listElectionPeriods>>[number];

function ElectionPeriodsPage({
  ctx,
  periods,
  base,
  errors,
  values,
}: {
  ctx: PageCtx;
  periods: Period[];
  base: string;
  errors: Errors;
  values: Values;
}) {
  const { t, locale } = ctx;
  const labels = {
    name: t('lawPeriods.election.name'),
    startsOn: t('lawPeriods.election.startsOn'),
    endsOn: t('lawPeriods.election.endsOn'),
  };
  return (
    <StaffLayout ctx={ctx} title={t('lawPeriods.election.title')}>
      <hgroup>
        <h1>{t('lawPeriods.election.title')}</h1>
        <p>{t('lawPeriods.election.lead')}</p>
      </hgroup>
      {periods.length === 0 ? (
        <p>{t('lawPeriods.election.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{labels.name}</th>
              <th scope="col">{labels.startsOn}</th>
              <th scope="col">{labels.endsOn}</th>
              <th scope="col">
                <span class="visually-hidden">{t('app.delete')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr>
                <td>{p.name}</td>
                <td>{formatDate(p.startsOn, locale)}</td>
                <td>{formatDate(p.endsOn, locale)}</td>
                <td>
                  <ActionButton
                    action={`${base}/${p.id}/hapus`}
                    csrf={ctx.csrf}
                    label={t('app.delete')}
                    variant="secondary"
                    confirm={t('lawPeriods.election.removeConfirm')}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('lawPeriods.election.add')}</h2>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action={base}>
        <Csrf token={ctx.csrf} />
        <TextField
          name="name"
          label={labels.name}
          hint={t('lawPeriods.election.nameHint')}
          errors={errors}
          values={values}
          required
          maxLength={200}
        />
        <div class="grid-2">
          <TextField
            name="startsOn"
            type="date"
            label={labels.startsOn}
            errors={errors}
            values={values}
            required
          />
          <TextField
            name="endsOn"
            type="date"
            label={labels.endsOn}
            errors={errors}
            values={values}
            required
          />
        </div>
        <button type="submit">{t('app.add')}</button>
      </form>
    </StaffLayout>
  );
}

export async function electionPeriodRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = { db: app.services.database.db, clock: app.services.clock };
  const base = (req: FastifyRequest) => `/staff/${officeOf(req).slug}/periode-pemilu`;
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors: Errors = {},
    values: Values = {},
    status = 200,
  ) =>
    sendPage(
      reply,
      <ElectionPeriodsPage
        ctx={pageCtx(req, reply)}
        periods={await listElectionPeriods(ctx.db)}
        base={base(req)}
        errors={errors}
        values={values}
      />,
      status,
    );

  staff.get('/staff/:office/periode-pemilu', 'manageNationalHolidays', (req, reply) => render(req, reply));
  staff.post('/staff/:office/periode-pemilu', 'manageNationalHolidays', async (req, reply) => {
    const { fields } = await readForm(req);
    return formAction(
      req,
      reply,
      () => addElectionPeriod(ctx, req.actor, fields),
      (errors, status) => render(req, reply, errors, fields as Values, status),
      () => {
        setFlash(reply, { kind: 'success', key: 'lawPeriods.election.added' });
        return reply.redirect(base(req));
      },
    );
  });
  staff.post<{ Params: { office: string; id: string } }>(
    '/staff/:office/periode-pemilu/:id/hapus',
    'manageNationalHolidays',
    async (req, reply) => {
      const id = z.uuid().safeParse(req.params.id);
      if (!id.success) throw AppError.notFound();
      await removeElectionPeriod(ctx, req.actor, id.data);
      setFlash(reply, { kind: 'success', key: 'lawPeriods.election.removed' });
      return reply.redirect(base(req));
    },
  );
}
