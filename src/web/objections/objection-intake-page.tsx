import type { FastifyInstance } from 'fastify';
import { formatDate } from '../../platform/i18n.ts';
import { fileObjection } from '../../modules/objections/file-objection.ts';
import { DESK_OBJECTION_CHANNELS } from '../../modules/objections/schema.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { ErrorSummary, TextField, type Errors, type Values } from '../shared/forms.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { ObjectionFormFields, objectionFieldLabels } from './objection-form-fields.tsx';
import { DeskIntakeForm, deskIntakeRoutes } from '../kit/desk-intake.tsx';
import { one } from '../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { requestsCtxOf } from '../requests/requests-ctx.ts';
import { uploadsOf } from '../requests/uploads-of.ts';
import { officeOf } from '../kit/office.ts';

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
      <DeskIntakeForm
        ctx={ctx}
        action={`/staff/${office.slug}/keberatan/baru`}
        errors={errors}
        values={values}
        channels={DESK_OBJECTION_CHANNELS.map((c) => ({ value: c, label: t(`objections.channel.${c}`) }))}
        before={
          <TextField
            name="requestNumber"
            label={t('requests.field.number')}
            hint={t('objections.hint.deskRequestNumber')}
            errors={errors}
            values={values}
            required
            maxLength={120}
          />
        }
        submit={t('objections.intake.submit')}
      >
        <ObjectionFormFields t={t} errors={errors} values={values} />
      </DeskIntakeForm>
    </StaffLayout>
  );
}

export async function objectionIntakeRoutes(app: FastifyInstance): Promise<void> {
  const ctx = requestsCtxOf(app);
  deskIntakeRoutes(app, ctx, {
    url: '/staff/:office/keberatan/baru',
    permission: 'intakeObjections',
    channels: DESK_OBJECTION_CHANNELS,
    defaults: {},
    page: (req, reply, office, errors, values, status) =>
      sendPage(
        reply,
        <ObjectionIntakePage ctx={pageCtx(req, reply)} office={office} errors={errors} values={values} />,
        status,
      ),
    file: (req, office, receipt, form) =>
      fileObjection(ctx, req.actor, {
        officeId: office.id,
        ...receipt,
        requestNumber: one(form.fields, 'requestNumber') ?? '',
        data: form.fields,
        uploads: uploadsOf(form),
      }),
    done: (req, reply, filed) => {
      setFlash(reply, {
        kind: filed.late ? 'warning' : 'success',
        key: filed.late ? 'objections.flash.filedLate' : 'objections.flash.filed',
        params: { number: filed.number, date: formatDate(filed.dueDate, req.locale) },
      });
      return reply.redirect(`/staff/${officeOf(req).slug}/keberatan/${filed.objectionId}`);
    },
    conflictRedraws: true,
  });
}
