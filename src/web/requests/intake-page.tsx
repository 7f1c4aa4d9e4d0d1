import type { FastifyInstance } from 'fastify';
import { formatDate } from '../../platform/i18n.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { submitRequest, type SubmittedRequest } from '../../modules/requests/submit-request.ts';
import type { Channel } from '../../modules/requests/schema.ts';
import { Checkbox, ErrorSummary, type Errors, type Values } from '../shared/forms.tsx';
import { DeskIntakeForm, deskIntakeRoutes } from '../kit/desk-intake.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { RequestFormFields, requestFieldLabels } from './request-form-fields.tsx';
import { one } from '../form-data.ts';
import { pageCtx, sendPage, type PageCtx } from '../render.tsx';
import { requestsCtxOf } from './requests-ctx.ts';
import { uploadsOf } from './uploads-of.ts';
import { listDikEntries, matchingEntries, type DikEntry } from '../../modules/exemptions/queries.ts';
import { DikMatches } from '../exemptions/request-exemptions.tsx';
import { officeOf } from '../kit/office.ts';

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
      <DeskIntakeForm
        ctx={ctx}
        action={`/staff/${office.slug}/permohonan/baru`}
        errors={errors}
        values={values}
        channels={DESK_CHANNELS.map((c) => ({ value: c, label: t(`requests.channel.${c}`) }))}
        after={
          <Checkbox
            name="markComplete"
            label={t('requests.intake.markComplete')}
            hint={t('requests.intake.markCompleteHint')}
            checked={values.markComplete === 'on'}
          />
        }
        submit={t('requests.intake.submit')}
      >
        <RequestFormFields t={t} errors={errors} values={values} withFiles desk />
      </DeskIntakeForm>
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
  const ctx = requestsCtxOf(app);
  /** Seed 002 step 3: the desk informs about exempt information — the DIK entries matching the requested text. */
  const dikMatches = async (office: Office, requested: string | undefined) =>
    requested ? matchingEntries(await listDikEntries(ctx.db, office), requested) : [];
  deskIntakeRoutes(app, ctx, {
    url: '/staff/:office/permohonan/baru',
    permission: 'intakeRequests',
    channels: DESK_CHANNELS,
    defaults: {
      requesterType: 'PERORANGAN',
      deliveryMethod: 'AMBIL_LANGSUNG',
      accessMethods: ['SALINAN_HARDCOPY'],
    },
    page: async (req, reply, office, errors, values, status) => {
      const requested =
        typeof values.informationRequested === 'string' ? values.informationRequested : undefined;
      const dik = await dikMatches(office, requested);
      return sendPage(
        reply,
        <IntakePage ctx={pageCtx(req, reply)} office={office} errors={errors} dik={dik} values={values} />,
        status,
      );
    },
    file: (req, office, receipt, form) =>
      submitRequest(ctx, req.actor, {
        officeId: office.id,
        ...receipt,
        data: form.fields,
        uploads: uploadsOf(form),
        markComplete: one(form.fields, 'markComplete') === 'on',
      }),
    done: async (req, reply, result, form) =>
      sendPage(
        reply,
        <IntakeDonePage
          ctx={pageCtx(req, reply)}
          office={officeOf(req)}
          result={result}
          dik={await dikMatches(officeOf(req), one(form.fields, 'informationRequested'))}
        />,
      ),
  });
}
