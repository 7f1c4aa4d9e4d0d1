import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/i18n.ts';
import { localDateTime } from '../../modules/calendar/working-days.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { submitRequest, type SubmittedRequest } from '../../modules/requests/submit-request.ts';
import type { Channel } from '../../modules/requests/schema.ts';
import { ChoiceGroup } from '../shared/choice-fields.tsx';
import {
  Checkbox,
  Csrf,
  ErrorSummary,
  TextArea,
  TextField,
  type Errors,
  type Values,
} from '../shared/forms.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { RequestFormFields, requestFieldLabels } from './request-form-fields.tsx';
import { formAction } from '../form-action.ts';
import { one, readForm } from '../form-data.ts';
import { pageCtx, sendPage, type PageCtx } from '../render.tsx';
import { requestsCtxOf } from './requests-ctx.ts';
import { uploadsOf } from './uploads-of.ts';
import { listDikEntries, matchingEntries, type DikEntry } from '../../modules/exemptions/queries.ts';
import { DikMatches } from '../exemptions/request-exemptions.tsx';
import { staffRoutes, officeOf } from '../kit/office.ts';

const DESK_CHANNELS: Channel[] = ['WALK_IN', 'LETTER', 'EMAIL', 'PHONE', 'FAX'];

function IntakePage(props: {
  ctx: PageCtx;
  office: Office;
  errors: Errors;
  values: Values;
  dik: DikEntry[];
}) {
  const { ctx, office, errors, values } = props;
  const { t } = ctx;
  return (
    <StaffLayout ctx={ctx} title={t('requests.intake.title')}>
      <hgroup>
        <h1>{t('requests.intake.title')}</h1>
        <p>{t('requests.intake.lead')}</p>
        <p>
          <a href={`/staff/${office.slug}/formulir-ppid-b.pdf`}>{t('documents.ppidB.blank')}</a>
        </p>
      </hgroup>
      <ErrorSummary t={t} errors={errors} labels={requestFieldLabels(t)} />
      <DikMatches t={t} matches={props.dik} />
      <form method="post" action={`/staff/${office.slug}/permohonan/baru`} enctype="multipart/form-data">
        <Csrf token={ctx.csrf} />
        <fieldset>
          <legend>
            <h2>{t('requests.intake.receipt')}</h2>
          </legend>
          <ChoiceGroup
            name="channel"
            legend={t('requests.field.channel')}
            type="radio"
            required
            options={DESK_CHANNELS.map((c) => ({ value: c, label: t(`requests.channel.${c}`) }))}
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
          <Checkbox
            name="markComplete"
            label={t('requests.intake.markComplete')}
            hint={t('requests.intake.markCompleteHint')}
            checked={values.markComplete === 'on'}
          />
        </fieldset>
        <RequestFormFields t={t} errors={errors} values={values} withFiles desk />
        <button type="submit">{t('requests.intake.submit')}</button>
      </form>
    </StaffLayout>
  );
}

function IntakeDonePage(props: { ctx: PageCtx; office: Office; result: SubmittedRequest; dik: DikEntry[] }) {
  const { ctx, office, result } = props;
  const { t } = ctx;
  const base = `/staff/${office.slug}/permohonan/${result.requestId}`;
  return (
    <StaffLayout ctx={ctx} title={t('requests.intake.doneTitle')}>
      <h1>{t('requests.intake.doneTitle')}</h1>
      <div class="notice notice-success" role="status">
        <dl class="receipt-facts">
          <dt>{t('requests.field.number')}</dt>
          <dd class="credential">{result.number}</dd>
          <dt>{t('requests.field.trackingCode')}</dt>
          <dd class="credential">{result.trackingCode}</dd>
          <dt>{t('requests.field.dueDate')}</dt>
          <dd>{formatDate(result.dueDate, ctx.locale)}</dd>
        </dl>
      </div>
      <p>{t('requests.intake.giveCode')}</p>
      <DikMatches t={t} matches={props.dik} />
      <p class="toolbar">
        <a href={`${base}/dokumen/tanda-terima`} role="button">
          {t('requests.intake.printReceipt')}
        </a>
        <a href={base}>{t('requests.intake.openRequest')}</a>
        <a href={`/staff/${office.slug}/permohonan/baru`}>{t('requests.intake.another')}</a>
      </p>
    </StaffLayout>
  );
}

export async function intakeRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = requestsCtxOf(app);
  /** Seed 002 step 3: the desk informs about exempt information — the DIK entries matching the requested text. */
  const dikMatches = async (office: Office, requested: string | undefined) =>
    requested ? matchingEntries(await listDikEntries(ctx.db, office), requested) : [];
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors: Errors = {},
    values?: Values,
    status = 200,
  ) => {
    const now = localDateTime(ctx.clock.now(), officeOf(req).timezone);
    const dik = await dikMatches(
      officeOf(req),
      typeof values?.informationRequested === 'string' ? values.informationRequested : undefined,
    );
    return sendPage(
      reply,
      <IntakePage
        ctx={pageCtx(req, reply)}
        office={officeOf(req)}
        errors={errors}
        dik={dik}
        values={
          values ?? {
            channel: 'WALK_IN',
            receivedAt: `${now.date}T${now.time}`,
            requesterType: 'PERORANGAN',
            deliveryMethod: 'AMBIL_LANGSUNG',
            accessMethods: ['SALINAN_HARDCOPY'],
          }
        }
      />,
      status,
    );
  };

  staff.get('/staff/:office/permohonan/baru', 'intakeRequests', (req, reply) => render(req, reply));

  staff.post('/staff/:office/permohonan/baru', 'intakeRequests', async (req, reply, office) => {
    const form = await readForm(req);
    const channel = one(form.fields, 'channel');
    return formAction(
      req,
      reply,
      async () => {
        if (!channel || !DESK_CHANNELS.includes(channel as Channel))
          throw AppError.field('channel', 'validation.invalidChoice');
        return submitRequest(ctx, req.actor, {
          officeId: office.id,
          channel: channel as Channel,
          data: form.fields,
          uploads: uploadsOf(form),
          receivedAtLocal: one(form.fields, 'receivedAt'),
          receivedNote: one(form.fields, 'receivedNote'),
          markComplete: one(form.fields, 'markComplete') === 'on',
        });
      },
      (errors, status) => render(req, reply, errors, form.fields as Values, status),
      async (result) =>
        sendPage(
          reply,
          <IntakeDonePage
            ctx={pageCtx(req, reply)}
            office={office}
            result={result}
            dik={await dikMatches(office, one(form.fields, 'informationRequested'))}
          />,
        ),
    );
  });
}
