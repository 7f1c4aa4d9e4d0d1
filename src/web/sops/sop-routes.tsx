import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { can } from '../../modules/access/permissions.ts';
import { letterheadOf } from '../../modules/offices/letterhead.ts';
import { getOfficeSettings, type Office } from '../../modules/offices/queries.ts';
import { adoptSopTemplate } from '../../modules/sops/adopt-sop-template.ts';
import { findSop, listSops, listSopSteps, type Sop, type SopStep } from '../../modules/sops/queries.ts';
import { renderSopPdf } from '../../modules/sops/render-sop-pdf.ts';
import { saveSop } from '../../modules/sops/save-sop.ts';
import { sopCompliance, type SopComplianceReport } from '../../modules/sops/sop-compliance.ts';
import { SOP_TEMPLATES } from '../../modules/sops/templates.ts';
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
import { formAction } from '../form-action.ts';
import { one, readForm } from '../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { SopDocument } from './sop-view.tsx';
import { sendPdf, uuidParam } from '../dip/dip-cycle-routes.tsx';
import { readRows } from '../dip/dip-procedure-routes.tsx';
import { staffRoutes, officeOf } from '../kit/office.ts';

// The office's SOP register: the seed SOPs (and objections) adopted and adapted, edited as
// structured data, printed as the standard SOP document, and how often each step met its
// time standard this year.

const LIST_FIELDS = [
  'organization',
  'legalBasis',
  'qualifications',
  'relatedSops',
  'equipment',
  'warnings',
  'records',
  'actorColumns',
] as const;

function valuesOf(sop: Sop): Values {
  const v: Values = { ...sop };
  for (const f of LIST_FIELDS) v[f] = sop[f].join('\n');
  return v;
}

function SopForm(props: {
  ctx: PageCtx;
  action: string;
  errors: Errors;
  values: Values;
  steps: Record<string, string>[];
  hidden?: Record<string, string>;
}) {
  const { ctx, errors, values } = props;
  const { t } = ctx;
  const text = (name: string, required = false, max = 200) => (
    <TextField
      name={name}
      label={t(`sop.field.${name}`)}
      errors={errors}
      values={values}
      required={required}
      maxLength={max}
    />
  );
  const lines = (name: string) => (
    <TextArea
      name={name}
      label={t(`sop.field.${name}`)}
      hint={t('sop.hint.lines')}
      errors={errors}
      values={values}
      rows={4}
    />
  );
  const rows = [...props.steps, {}, {}];
  return (
    <>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={props.action}>
        <Csrf token={ctx.csrf} />
        {Object.entries(props.hidden ?? {}).map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        <div class="grid-2">
          {text('title', true, 300)}
          {text('slug', true, 80)}
          {text('number', true, 120)}
          {text('approverTitle', true)}
          {text('approverName')}
          {text('executorCount', false, 100)}
          {text('madeOn', false, 60)}
          {text('revisedOn', false, 60)}
          {text('effectiveOn', false, 60)}
          {text('approvedOn', false, 60)}
        </div>
        <div class="grid-2">{LIST_FIELDS.map((f) => lines(f))}</div>
        <Checkbox
          name="published"
          label={t('sop.field.published')}
          checked={values.published !== false && values.published !== 'false'}
        />
        <h3>{t('sop.steps')}</h3>
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('app.tableScroll')}>
          <table class="procedure-table">
            <thead>
              <tr>
                {['stepNo', 'description', 'actors', 'requirement', 'timeText', 'output', 'remark'].map(
                  (c) => (
                    <th scope="col">{t(`sop.stepField.${c}`)}</th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr>
                  {['stepNo', 'description', 'actors', 'requirement', 'timeText', 'output', 'remark'].map(
                    (c) => (
                      <td>
                        <input
                          name={`steps.${i}.${c}`}
                          value={r[c] ?? ''}
                          aria-label={t(`sop.stepField.${c}`)}
                          aria-invalid={errors[`steps.${i}.${c}`] ? 'true' : undefined}
                        />
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <small class="hint">{t('sop.hint.steps')}</small>
        <button type="submit">{t('app.save')}</button>
      </form>
    </>
  );
}

const stepRows = (steps: SopStep[]) =>
  steps.map((s) => ({
    stepNo: s.stepNo,
    description: s.description,
    actors: s.actors.join(', '),
    requirement: s.requirement ?? '',
    timeText: s.timeText ?? '',
    output: s.output ?? '',
    remark: s.remark ?? '',
  }));

function ComplianceTable({ ctx, report }: { ctx: PageCtx; report: SopComplianceReport }) {
  const { t } = ctx;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={t('app.tableScroll')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('sop.step.no')}</th>
            <th scope="col">{t('sop.step.description')}</th>
            <th scope="col">{t('sop.step.time')}</th>
            <th scope="col" class="num">
              {t('sop.compliance.completed')}
            </th>
            <th scope="col" class="num">
              {t('sop.compliance.met')}
            </th>
            <th scope="col" class="num">
              {t('sop.compliance.missed')}
            </th>
            <th scope="col" class="num">
              {t('sop.compliance.rate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.steps.map((s) => {
            const measured = s.met + s.missed;
            return (
              <tr>
                <td>{s.step.stepNo}</td>
                <td>{s.step.description}</td>
                <td>{s.step.timeText ?? '—'}</td>
                <td class="num">{s.completed}</td>
                <td class="num">{s.met}</td>
                <td class="num">{s.missed}</td>
                <td class="num">
                  {measured > 0
                    ? `${Math.round((100 * s.met) / measured)}%`
                    : s.completed > 0
                      ? t('sop.compliance.unmeasured')
                      : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export async function sopRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = { db: app.services.database.db, clock: app.services.clock };
  const renderList = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors: Errors = {},
    status = 200,
    adopting?: { template: string; values: Values },
  ) => {
    const office = officeOf(req);
    const c = pageCtx(req, reply);
    const { t } = c;
    const sops = await listSops(ctx.db, office.id);
    const adopted = new Set(sops.map((s) => s.slug));
    return sendPage(
      reply,
      <StaffLayout ctx={c} title={t('sop.title')}>
        <hgroup>
          <h1>{t('sop.title')}</h1>
          <p>{t('sop.lead')}</p>
        </hgroup>
        <p class="toolbar">
          <a href={`/staff/${office.slug}/sop/kepatuhan`}>{t('sop.compliance.title')}</a>
          <a href={`/${office.slug}/sop`}>{t('sop.publicPage')}</a>
          {can.manageSops(req.actor, office) ? (
            <a href={`/staff/${office.slug}/sop/baru`}>{t('sop.add')}</a>
          ) : null}
        </p>
        {sops.length === 0 ? (
          <p class="muted">{t('sop.none')}</p>
        ) : (
          <ul>
            {sops.map((s) => (
              <li>
                <a href={`/staff/${office.slug}/sop/${s.id}`}>{s.title}</a>{' '}
                <small class="muted">({s.number})</small> ·{' '}
                <a href={`/staff/${office.slug}/sop/${s.id}/sop.pdf`}>PDF</a>
                {s.published ? '' : ` · ${t('sop.unpublished')}`}
              </li>
            ))}
          </ul>
        )}
        {can.manageSops(req.actor, office) ? (
          <section>
            <h2>{t('sop.templates')}</h2>
            <ErrorSummary t={t} errors={errors} />
            <ul>
              {SOP_TEMPLATES.map((tpl) => {
                const posted = adopting?.template === tpl.key;
                const errs = posted ? errors : {};
                const vals: Values = posted
                  ? adopting.values
                  : { approverTitle: tpl.approverTitle.replaceAll('{kantor}', office.name) };
                return (
                  <li>
                    {tpl.title} <small class="muted">— {tpl.origin}</small>{' '}
                    {adopted.has(tpl.slug) ? (
                      <span class="badge badge-ok">{t('sop.adopted')}</span>
                    ) : (
                      <details open={posted}>
                        <summary>{t('sop.adopt')}</summary>
                        <p class="hint">{t('sop.adoptLead')}</p>
                        <form method="post" action={`/staff/${office.slug}/sop/templat`}>
                          <Csrf token={c.csrf} />
                          <input type="hidden" name="template" value={tpl.key} />
                          <div class="grid-2">
                            {(
                              [
                                'number',
                                'approverTitle',
                                'approverName',
                                'madeOn',
                                'approvedOn',
                                'effectiveOn',
                              ] as const
                            ).map((f) => (
                              <TextField
                                name={f}
                                label={t(`sop.field.${f}`)}
                                errors={errs}
                                values={vals}
                                required
                                maxLength={f === 'number' ? 120 : f.endsWith('On') ? 60 : 200}
                              />
                            ))}
                          </div>
                          <button type="submit" class="secondary">
                            {t('sop.adopt')}
                          </button>
                        </form>
                      </details>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
      </StaffLayout>,
      status,
    );
  };

  const renderSop = async (
    req: FastifyRequest,
    reply: FastifyReply,
    office: Office,
    sop: Sop | undefined,
    opts: { errors?: Errors; values?: Values; steps?: Record<string, string>[]; status?: number } = {},
  ) => {
    const c = pageCtx(req, reply);
    const steps = sop ? await listSopSteps(ctx.db, office.id, sop.id) : [];
    const title = sop ? sop.title : c.t('sop.add');
    return sendPage(
      reply,
      <StaffLayout ctx={c} title={title}>
        <h1>{title}</h1>
        {sop ? (
          <>
            <p class="toolbar">
              <a href={`/staff/${office.slug}/sop/${sop.id}/sop.pdf`}>PDF</a>
              <a href={`/${office.slug}/sop/${sop.slug}`}>{c.t('sop.publicPage')}</a>
            </p>
            <SopDocument t={c.t} sop={sop} steps={steps} />
          </>
        ) : null}
        {can.manageSops(req.actor, office) ? (
          <section>
            {sop ? <h2>{c.t('sop.edit')}</h2> : null}
            <SopForm
              ctx={c}
              action={sop ? `/staff/${office.slug}/sop/${sop.id}` : `/staff/${office.slug}/sop`}
              errors={opts.errors ?? {}}
              values={opts.values ?? (sop ? valuesOf(sop) : { published: true })}
              steps={opts.steps ?? stepRows(steps)}
              hidden={sop ? { expectedUpdatedAt: sop.updatedAt.toISOString() } : {}}
            />
          </section>
        ) : null}
        <p>
          <a href={`/staff/${office.slug}/sop`}>{c.t('app.back')}</a>
        </p>
      </StaffLayout>,
      opts.status ?? 200,
    );
  };

  const loadSop = async (req: FastifyRequest<{ Params: { sopId: string } }>) => {
    const sop = await findSop(ctx.db, officeOf(req).id, uuidParam(req.params.sopId));
    if (!sop) throw AppError.notFound();
    return sop;
  };

  staff.get('/staff/:office/sop', 'enterOffice', (req, reply) => renderList(req, reply));

  staff.post('/staff/:office/sop/templat', 'manageSops', async (req, reply, office) => {
    const { fields } = await readForm(req);
    return formAction(
      req,
      reply,
      () =>
        adoptSopTemplate(ctx, req.actor, {
          officeId: office.id,
          templateKey: one(fields, 'template'),
          data: fields,
        }),
      (errors, status) =>
        renderList(req, reply, errors, status, { template: one(fields, 'template') ?? '', values: fields }),
      (sop) => {
        setFlash(reply, { kind: 'success', key: 'sop.flash.adopted', params: { title: sop.title } });
        return reply.redirect(`/staff/${office.slug}/sop/${sop.id}`);
      },
    );
  });

  staff.get('/staff/:office/sop/baru', 'manageSops', (req, reply, office) =>
    renderSop(req, reply, office, undefined),
  );

  const save = async (req: FastifyRequest, reply: FastifyReply, sop: Sop | undefined) => {
    const { fields } = await readForm(req);
    const steps = readRows(fields);
    return formAction(
      req,
      reply,
      () =>
        saveSop(ctx, req.actor, {
          officeId: officeOf(req).id,
          sopId: sop?.id,
          expectedUpdatedAt: one(fields, 'expectedUpdatedAt'),
          data: fields,
          steps,
        }),
      (errors, status) =>
        renderSop(req, reply, officeOf(req), sop, { errors, values: fields, steps, status }),
      (saved) => {
        setFlash(reply, { kind: 'success', key: 'sop.flash.saved' });
        return reply.redirect(`/staff/${officeOf(req).slug}/sop/${saved.id}`);
      },
    );
  };

  staff.post('/staff/:office/sop', 'manageSops', (req, reply) => save(req, reply, undefined));

  staff.get('/staff/:office/sop/kepatuhan', 'viewDipDrafts', async (req, reply, office) => {
    const thisYear = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: office.timezone, year: 'numeric' }).format(
        ctx.clock.now(),
      ),
    );
    const year = z.coerce
      .number()
      .int()
      .min(2000)
      .max(2100)
      .catch(thisYear)
      .parse((req.query as { tahun?: string }).tahun ?? thisYear);
    const reports = await sopCompliance(ctx, req.actor, { officeId: office.id, year });
    const c = pageCtx(req, reply);
    const { t } = c;
    return sendPage(
      reply,
      <StaffLayout ctx={c} title={t('sop.compliance.title')}>
        <hgroup>
          <h1>{t('sop.compliance.title')}</h1>
          <p>{t('sop.compliance.lead', { year })}</p>
        </hgroup>
        <form method="get" class="inline-grid">
          <label>
            {t('sop.compliance.year')}
            <input type="number" name="tahun" value={String(year)} min={2000} max={2100} />
          </label>
          <button type="submit" class="secondary">
            {t('app.search')}
          </button>
        </form>
        {reports.length === 0 ? <p class="muted">{t('sop.compliance.none')}</p> : null}
        {reports.map((r) => (
          <section>
            <h2>
              {r.sop.title} <small class="muted">({t(`sop.workflow.${r.workflow}`)})</small>
            </h2>
            <ComplianceTable ctx={c} report={r} />
          </section>
        ))}
      </StaffLayout>,
    );
  });

  staff.get<{ Params: { office: string; sopId: string } }>(
    '/staff/:office/sop/:sopId',
    'enterOffice',
    async (req, reply, office) => renderSop(req, reply, office, await loadSop(req)),
  );

  staff.post<{ Params: { office: string; sopId: string } }>(
    '/staff/:office/sop/:sopId',
    'manageSops',
    async (req, reply) => save(req, reply, await loadSop(req)),
  );

  staff.get<{ Params: { office: string; sopId: string } }>(
    '/staff/:office/sop/:sopId/sop.pdf',
    'enterOffice',
    async (req, reply, office) => {
      const sop = await loadSop(req);
      const [steps, settings] = await Promise.all([
        listSopSteps(ctx.db, office.id, sop.id),
        getOfficeSettings(ctx.db, office.id),
      ]);
      return sendPdf(
        reply,
        await renderSopPdf({ sop, steps, letterhead: letterheadOf(office, settings) }),
        `sop-${sop.slug}.pdf`,
      );
    },
  );
}
