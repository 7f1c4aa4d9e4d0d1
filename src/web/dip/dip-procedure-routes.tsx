import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STEP_KINDS, type ProcedureStep } from '../../modules/dip/model.ts';
import { PROCEDURE_TEMPLATES } from '../../modules/dip/procedure-templates.ts';
import { findProcedure } from '../../modules/dip/queries.ts';
import { saveDipProcedure } from '../../modules/dip/save-dip-procedure.ts';
import { ROLES } from '../../modules/people/schema.ts';
import { Csrf, ErrorSummary, type Errors } from '../shared/forms.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { formAction } from '../form-action.ts';
import { readForm, type FormData } from '../form-data.ts';
import { pageCtx, sendPage, setFlash } from '../render.tsx';
import { standardText } from './dip-ui.tsx';
import { staffRoutes, officeOf } from '../kit/office.ts';

// The office admin edits the office's DIP procedure: its SOP as data (step, executor, the
// role acting for them in Terbuka, requirement, time standard, output). Offices differ
// (seeds 000 and 001); either seed can be loaded as a starting point.

type Row = Record<string, string>;

/** Repeated form fields "steps.3.title" → rows in index order. */
export function readRows(fields: FormData['fields'], prefix = 'steps'): Row[] {
  const rows: Row[] = [];
  const re = new RegExp(`^${prefix}\\.(\\d{1,3})\\.(\\w+)$`);
  for (const [name, value] of Object.entries(fields)) {
    const m = re.exec(name);
    if (!m) continue;
    const i = Number(m[1]);
    (rows[i] ??= {})[m[2]!] = Array.isArray(value) ? (value[0] ?? '') : value;
  }
  return rows.map((r) => r ?? {});
}

function rowOf(s: ProcedureStep): Row {
  return {
    order: String(s.position),
    sopSlug: s.sopSlug ?? '',
    sopStepNo: s.sopStepNo,
    kind: s.kind,
    title: s.title,
    actorLabel: s.actorLabel,
    role: s.role,
    requirement: s.requirement ?? '',
    timeText: s.time.text ?? '',
    output: s.output ?? '',
  };
}

export async function dipProcedureRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = { db: app.services.database.db, clock: app.services.clock };
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { errors?: Errors; rows?: Row[]; status?: number } = {},
  ) => {
    const office = officeOf(req);
    const { steps, own } = await findProcedure(ctx.db, office.id);
    const rows = opts.rows ?? [...steps.map(rowOf), {}, {}];
    const errors = opts.errors ?? {};
    const c = pageCtx(req, reply);
    const { t } = c;
    const cell = (i: number, name: string, r: Row, max = 300) => (
      <input
        name={`steps.${i}.${name}`}
        value={r[name] ?? ''}
        maxLength={max}
        aria-label={t(`dip.procedure.col.${name}`)}
        aria-invalid={errors[`steps.${i}.${name}`] ? 'true' : undefined}
      />
    );
    return sendPage(
      reply,
      <StaffLayout ctx={c} title={t('dip.procedure.title')}>
        <hgroup>
          <h1>{t('dip.procedure.title')}</h1>
          <p>{own ? t('dip.procedure.own') : t('dip.procedure.default')}</p>
        </hgroup>
        <p>{t('dip.procedure.lead')}</p>
        <details>
          <summary>{t('dip.procedure.current')}</summary>
          <ol>
            {steps.map((s) => (
              <li>
                {s.title} — {s.actorLabel} ({t(`role.${s.role}`)}) · {t(`dip.kind.${s.kind}`)} ·{' '}
                {standardText(t, s.time)}
              </li>
            ))}
          </ol>
        </details>
        <ErrorSummary t={t} errors={errors} />
        <form method="post" action={`/staff/${office.slug}/dip/prosedur`}>
          <Csrf token={c.csrf} />
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('app.tableScroll')}>
            <table class="procedure-table">
              <thead>
                <tr>
                  {[
                    'order',
                    'sopSlug',
                    'sopStepNo',
                    'kind',
                    'title',
                    'actorLabel',
                    'role',
                    'requirement',
                    'timeText',
                    'output',
                  ].map((col) => (
                    <th scope="col">{t(`dip.procedure.col.${col}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr>
                    <td>
                      <input
                        type="number"
                        name={`steps.${i}.order`}
                        value={r.order ?? String(i + 1)}
                        min={1}
                        max={99}
                        aria-label={t('dip.procedure.col.order')}
                        class="narrow-input"
                      />
                    </td>
                    <td>{cell(i, 'sopSlug', r, 80)}</td>
                    <td>{cell(i, 'sopStepNo', r, 20)}</td>
                    <td>
                      <select name={`steps.${i}.kind`} aria-label={t('dip.procedure.col.kind')}>
                        {STEP_KINDS.map((k) => (
                          <option value={k} selected={r.kind === k}>
                            {t(`dip.kind.${k}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>{cell(i, 'title', r, 500)}</td>
                    <td>{cell(i, 'actorLabel', r, 120)}</td>
                    <td>
                      <select name={`steps.${i}.role`} aria-label={t('dip.procedure.col.role')}>
                        {ROLES.filter((x) => x !== 'NATIONAL_ADMIN').map((role) => (
                          <option value={role} selected={r.role === role}>
                            {t(`role.${role}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>{cell(i, 'requirement', r)}</td>
                    <td>{cell(i, 'timeText', r, 120)}</td>
                    <td>{cell(i, 'output', r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <small class="hint">{t('dip.procedure.hint')}</small>
          <button type="submit">{t('app.save')}</button>
        </form>
        <h2>{t('dip.procedure.templates')}</h2>
        {PROCEDURE_TEMPLATES.map((tpl) => (
          <form method="post" action={`/staff/${office.slug}/dip/prosedur/templat`} class="inline-form">
            <Csrf token={c.csrf} />
            <input type="hidden" name="template" value={tpl} />
            <button type="submit" class="secondary" data-confirm={t('dip.procedure.templateConfirm')}>
              {t(`dip.procedure.template.${tpl}`)}
            </button>{' '}
          </form>
        ))}
        <p>
          <a href={`/staff/${office.slug}/dip`}>{t('app.back')}</a>
        </p>
      </StaffLayout>,
      opts.status ?? 200,
    );
  };

  const done = (req: FastifyRequest, reply: FastifyReply) => {
    setFlash(reply, { kind: 'success', key: 'dip.flash.procedureSaved' });
    return reply.redirect(`/staff/${officeOf(req).slug}/dip/prosedur`);
  };

  staff.get('/staff/:office/dip/prosedur', 'administerOffice', (req, reply) => render(req, reply));

  staff.post('/staff/:office/dip/prosedur', 'administerOffice', async (req, reply, office) => {
    const { fields } = await readForm(req);
    const rows = readRows(fields);
    return formAction(
      req,
      reply,
      () => saveDipProcedure(ctx, req.actor, { officeId: office.id, rows }),
      (errors, status) => render(req, reply, { errors, rows, status }),
      () => done(req, reply),
    );
  });

  staff.post('/staff/:office/dip/prosedur/templat', 'administerOffice', async (req, reply, office) => {
    const { fields } = await readForm(req);
    return formAction(
      req,
      reply,
      () => saveDipProcedure(ctx, req.actor, { officeId: office.id, template: fields.template ?? '' }),
      (errors, status) => render(req, reply, { errors, status }),
      () => done(req, reply),
    );
  });
}
