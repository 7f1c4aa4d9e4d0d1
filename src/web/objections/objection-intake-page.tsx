import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/i18n.ts';
import { localDateTime } from '../../modules/calendar/working-days.ts';
import { fileObjection } from '../../modules/objections/file-objection.ts';
import { DESK_OBJECTION_CHANNELS, type ObjectionChannel } from '../../modules/objections/schema.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { ChoiceGroup } from '../shared/choice-fields.tsx';
import { Csrf, ErrorSummary, TextArea, TextField, type Errors, type Values } from '../shared/forms.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { ObjectionFormFields, objectionFieldLabels } from './objection-form-fields.tsx';
import { formAction } from '../form-action.ts';
import { one, readForm } from '../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { requestsCtxOf } from '../requests/requests-ctx.ts';
import { uploadsOf } from '../requests/uploads-of.ts';
import { staffRoutes, officeOf } from '../kit/office.ts';

function ObjectionIntakePage(props: { ctx: PageCtx; office: Office; errors: Errors; values: Values }) {
  const { ctx, office, errors, values } = props;
  const { t } = ctx;
  return (
    <StaffLayout ctx={ctx} title={t('objections.intake.title')}>
      <hgroup>
        <h1>{t('objections.intake.title')}</h1>
        <p>{t('objections.intake.lead')}</p>
      </hgroup>
      <ErrorSummary t={t} errors={errors} labels={objectionFieldLabels(t)} />
      <form method="post" action={`/staff/${office.slug}/keberatan/baru`} enctype="multipart/form-data">
        <Csrf token={ctx.csrf} />
        <fieldset>
          <legend>
            <h2>{t('requests.intake.receipt')}</h2>
          </legend>
          <TextField
            name="requestNumber"
            label={t('requests.field.number')}
            hint={t('objections.hint.deskRequestNumber')}
            errors={errors}
            values={values}
            required
            maxLength={120}
          />
          <ChoiceGroup
            name="channel"
            legend={t('requests.field.channel')}
            type="radio"
            required
            options={DESK_OBJECTION_CHANNELS.map((c) => ({ value: c, label: t(`objections.channel.${c}`) }))}
            errors={errors}
            values={values}
          />
          <TextField
            name="receivedAt"
            type="datetime-local"
            label={t('requests.field.receivedAt')}
            hint={t('requests.hint.receivedAt')}
            errors={errors}
            values={values}
            required
          />
          <TextArea
            name="receivedNote"
            label={`${t('requests.field.receivedNote')} ${t('app.optional')}`}
            hint={t('requests.hint.receivedNote')}
            rows={2}
            errors={errors}
            values={values}
          />
        </fieldset>
        <ObjectionFormFields t={t} errors={errors} values={values} />
        <button type="submit">{t('objections.intake.submit')}</button>
      </form>
    </StaffLayout>
  );
}

export async function objectionIntakeRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = requestsCtxOf(app);
  const render = (
    req: FastifyRequest,
    reply: FastifyReply,
    errors: Errors = {},
    values?: Values,
    status = 200,
  ) => {
    const now = localDateTime(ctx.clock.now(), officeOf(req).timezone);
    return sendPage(
      reply,
      <ObjectionIntakePage
        ctx={pageCtx(req, reply)}
        office={officeOf(req)}
        errors={errors}
        values={values ?? { channel: 'WALK_IN', receivedAt: `${now.date}T${now.time}` }}
      />,
      status,
    );
  };
  staff.get('/staff/:office/keberatan/baru', 'intakeObjections', async (req, reply) => render(req, reply));
  staff.post('/staff/:office/keberatan/baru', 'intakeObjections', async (req, reply, office) => {
    const form = await readForm(req);
    const channel = one(form.fields, 'channel');
    try {
      return await formAction(
        req,
        reply,
        async () => {
          if (!channel || !DESK_OBJECTION_CHANNELS.includes(channel as ObjectionChannel))
            throw AppError.field('channel', 'validation.invalidChoice');
          return fileObjection(ctx, req.actor, {
            officeId: office.id,
            channel: channel as ObjectionChannel,
            requestNumber: one(form.fields, 'requestNumber') ?? '',
            data: form.fields,
            uploads: uploadsOf(form),
            receivedAtLocal: one(form.fields, 'receivedAt'),
            receivedNote: one(form.fields, 'receivedNote'),
          });
        },
        (errors, status) => render(req, reply, errors, form.fields as Values, status),
        (filed) => {
          setFlash(reply, {
            kind: filed.late ? 'warning' : 'success',
            key: filed.late ? 'objections.flash.filedLate' : 'objections.flash.filed',
            params: { number: filed.number, date: formatDate(filed.dueDate, req.locale) },
          });
          return reply.redirect(`/staff/${office.slug}/keberatan/${filed.objectionId}`);
        },
      );
    } catch (e) {
      if (isAppError(e) && e.code === 'CONFLICT')
        return render(req, reply, { _: req.t(e.key, e.params) }, form.fields, 409);
      throw e;
    }
  });
}
