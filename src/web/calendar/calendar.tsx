import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { formatDate, formatDateWithWeekday, zoneName, type Translate } from '../../platform/i18n.ts';
import { can } from '../../modules/access/permissions.ts';
import {
  addHoliday,
  addOfficeClosure,
  confirmHolidayYear,
  importHolidays,
  removeHoliday,
  removeOfficeClosure,
  THIN_YEAR_DAYS,
} from '../../modules/calendar/manage-holidays.ts';
import { officeDueDate } from '../../modules/calendar/office-due-date.ts';
import {
  listCoveredYears,
  listHolidays,
  listOfficeClosures,
  type Holiday,
  type OfficeClosure,
} from '../../modules/calendar/queries.ts';
import { instantOfLocal, localDateTime, type DueDate } from '../../modules/calendar/working-days.ts';
import type { Office } from '../../modules/offices/queries.ts';
import {
  ActionButton,
  Checkbox,
  Csrf,
  ErrorSummary,
  FileField,
  SelectField,
  TextField,
  type Errors,
  type Values,
} from '../shared/forms.tsx';
import { DataTable } from '../shared/data-table.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { formAction } from '../form-action.ts';
import { one, readForm } from '../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { staffRoutes, officeOf } from '../kit/office.ts';

const KINDS = ['LIBUR_NASIONAL', 'CUTI_BERSAMA', 'LIBUR_KHUSUS'] as const;

export function DueDateExplanation({ ctx, result, n }: { ctx: PageCtx; result: DueDate; n: number }) {
  const { t } = ctx;
  return (
    <div class="due-date-result" role="status">
      <p>
        <strong>
          {t('calendar.result', {
            receivedOn: formatDateWithWeekday(result.receivedOn, ctx.locale),
            dueDate: formatDateWithWeekday(result.dueDate, ctx.locale),
            n,
          })}
        </strong>
      </p>
      {result.warnings.map((w) => (
        <p class="notice notice-warning">{t(`calendar.warning.${w.code}`, { year: w.year })}</p>
      ))}
      {result.skipped.length > 0 ? (
        <details>
          <summary>
            {t('calendar.skipped')} ({result.skipped.length})
          </summary>
          <ul>
            {result.skipped.map((s) => (
              <li>
                {formatDateWithWeekday(s.date, ctx.locale)} — {t(`dayoff.${s.reason}`)}
                {s.reason !== 'WEEKEND' && s.reason !== 'AFTER_CUTOFF' ? `: ${s.name}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

interface CalendarPageProps {
  ctx: PageCtx;
  office: Office;
  year: number;
  holidays: Holiday[];
  closures: OfficeClosure[];
  loaded: boolean;
  calc: { values: Values; result?: DueDate; n?: number; errors: Errors };
  forms: {
    closure: { errors: Errors; values: Values };
    holiday: { errors: Errors; values: Values };
    import: { errors: Errors };
  };
}

/** Removes a holiday or a closure, after the browser asks once. */
function DeleteButton({ ctx, action }: { ctx: PageCtx; action: string }) {
  return (
    <ActionButton
      action={action}
      csrf={ctx.csrf}
      label={ctx.t('app.delete')}
      variant="danger"
      confirm={ctx.t('calendar.removeConfirm')}
    />
  );
}

function CalendarPage(props: CalendarPageProps) {
  const { ctx, office, year } = props;
  const { t } = ctx;
  const base = `/staff/${office.slug}/kalender`;
  const national = can.manageNationalHolidays(ctx.actor);
  const admin = can.administerOffice(ctx.actor, office);
  return (
    <StaffLayout ctx={ctx} title={t('calendar.title', { year })}>
      <hgroup>
        <h1>{t('calendar.title', { year })}</h1>
        <p>{t('calendar.lead')}</p>
      </hgroup>
      <nav aria-label={t('field.year')}>
        <ul>
          <li>
            <a href={`${base}?tahun=${year - 1}`}>← {year - 1}</a>
          </li>
          <li>
            <a href={`${base}?tahun=${year + 1}`}>{year + 1} →</a>
          </li>
        </ul>
      </nav>
      <p class={`notice ${props.loaded ? 'notice-success' : 'notice-warning'}`}>
        {t(props.loaded ? 'calendar.loaded' : 'calendar.notLoaded', { year })}
      </p>

      <section>
        <h2>{t('calendar.calculator')}</h2>
        <form method="get" action={base} class="no-print">
          <input type="hidden" name="tahun" value={String(year)} />
          <ErrorSummary t={t} errors={props.calc.errors} />
          <div class="grid-2">
            <TextField
              name="diterima"
              type="datetime-local"
              label={t('field.receivedAt')}
              hint={t('calendar.calculatorHint', { zone: zoneName(office.timezone) })}
              values={props.calc.values}
              errors={props.calc.errors}
            />
            <TextField
              name="hari"
              type="number"
              min={0}
              max={366}
              label={t('field.workingDays')}
              values={props.calc.values}
              errors={props.calc.errors}
            />
          </div>
          <button type="submit">{t('calendar.calculate')}</button>
        </form>
        {props.calc.result ? (
          <DueDateExplanation ctx={ctx} result={props.calc.result} n={props.calc.n ?? 0} />
        ) : null}
      </section>

      <section>
        <h2>{t('calendar.national')}</h2>
        <DataTable
          t={t}
          rows={props.holidays}
          columns={[
            { label: t('field.date'), cell: (h) => formatDateWithWeekday(h.date, ctx.locale) },
            { label: t('field.kind'), cell: (h) => t(`dayoff.${h.kind}`) },
            { label: t('field.name'), cell: (h) => h.name },
            { label: t('field.legalBasis'), cell: (h) => h.legalBasis ?? '—' },
            national && {
              label: t('app.actions'),
              cell: (h) => <DeleteButton ctx={ctx} action={`${base}/libur/${h.id}/hapus`} />,
            },
          ]}
        />
      </section>

      <section>
        <h2>{t('calendar.closures')}</h2>
        {props.closures.length === 0 ? (
          <p class="muted">{t('calendar.noClosures')}</p>
        ) : (
          <ul>
            {props.closures.map((c) => (
              <li>
                {formatDate(c.date, ctx.locale)} — {c.name}
                {c.decree ? ` (${c.decree})` : ''}{' '}
                {admin ? <DeleteButton ctx={ctx} action={`${base}/penutupan/${c.id}/hapus`} /> : null}
              </li>
            ))}
          </ul>
        )}
        {admin ? (
          <details open={Object.keys(props.forms.closure.errors).length > 0}>
            <summary>{t('calendar.addClosure')}</summary>
            <ErrorSummary t={t} errors={props.forms.closure.errors} />
            <form method="post" action={`${base}/penutupan`}>
              <Csrf token={ctx.csrf} />
              <div class="grid-2">
                <TextField
                  name="date"
                  type="date"
                  label={t('field.date')}
                  errors={props.forms.closure.errors}
                  values={props.forms.closure.values}
                  required
                />
                <TextField
                  name="name"
                  label={t('field.name')}
                  errors={props.forms.closure.errors}
                  values={props.forms.closure.values}
                  required
                />
              </div>
              <TextField
                name="decree"
                label={`${t('field.decree')} ${t('app.optional')}`}
                errors={props.forms.closure.errors}
                values={props.forms.closure.values}
              />
              <button type="submit">{t('app.add')}</button>
            </form>
          </details>
        ) : null}
      </section>

      {national ? (
        <>
          <section>
            <h2>{t('calendar.addHoliday')}</h2>
            <ErrorSummary t={t} errors={props.forms.holiday.errors} />
            <form method="post" action={`${base}/libur`}>
              <Csrf token={ctx.csrf} />
              <div class="grid-2">
                <TextField
                  name="date"
                  type="date"
                  label={t('field.date')}
                  errors={props.forms.holiday.errors}
                  values={props.forms.holiday.values}
                  required
                />
                <SelectField
                  name="kind"
                  label={t('field.kind')}
                  options={KINDS.map((k) => ({ value: k, label: t(`dayoff.${k}`) }))}
                  errors={props.forms.holiday.errors}
                  values={props.forms.holiday.values}
                  required
                />
              </div>
              <TextField
                name="name"
                label={t('field.name')}
                errors={props.forms.holiday.errors}
                values={props.forms.holiday.values}
                required
              />
              <TextField
                name="legalBasis"
                label={`${t('field.legalBasis')} ${t('app.optional')}`}
                errors={props.forms.holiday.errors}
                values={props.forms.holiday.values}
              />
              <button type="submit">{t('app.add')}</button>
            </form>
          </section>
          <section>
            <h2>{t('calendar.import')}</h2>
            <p class="muted">{t('calendar.importHint')}</p>
            <ErrorSummary
              t={t}
              errors={props.forms.import.errors}
              labels={importErrorLabels(t, props.forms.import.errors)}
            />
            <form method="post" action={`${base}/impor`} enctype="multipart/form-data">
              <Csrf token={ctx.csrf} />
              <div class="grid-2">
                <SelectField
                  name="format"
                  label={t('calendar.format')}
                  options={[
                    { value: 'csv', label: 'CSV' },
                    { value: 'ical', label: 'iCalendar (.ics)' },
                  ]}
                  values={{}}
                />
                <SelectField
                  name="defaultKind"
                  label={t('calendar.defaultKind')}
                  options={KINDS.map((k) => ({ value: k, label: t(`dayoff.${k}`) }))}
                  values={{}}
                />
              </div>
              <FileField
                name="file"
                label={t('field.file')}
                accept=".csv,.ics,text/csv,text/calendar"
                errors={props.forms.import.errors}
                required
              />
              <Checkbox
                name="markYearsCovered"
                label={t('calendar.markCovered')}
                hint={t('lawPeriods.calendar.markCoveredHint')}
              />
              <button type="submit">{t('calendar.import')}</button>
            </form>
          </section>
          {!props.loaded ? (
            <section>
              <ActionButton
                action={`${base}/tahun`}
                csrf={ctx.csrf}
                label={t('calendar.confirmYear')}
                hidden={{ year: String(year) }}
              />
            </section>
          ) : null}
        </>
      ) : null}
    </StaffLayout>
  );
}

const IMPORT_COLUMNS: Record<string, string> = {
  date: 'field.date',
  kind: 'field.kind',
  name: 'field.name',
  legal_basis: 'field.legalBasis',
};

/** "row:3:date" → "Baris 3, Tanggal": import problems named by row and column label. */
function importErrorLabels(t: Translate, errors: Errors): Record<string, string> {
  const labels: Record<string, string> = { file: t('field.file') };
  for (const key of Object.keys(errors)) {
    const m = /^row:(\d+):(.+)$/.exec(key);
    if (m)
      labels[key] = t('lawPeriods.calendar.rowField', {
        row: m[1]!,
        field: IMPORT_COLUMNS[m[2]!] ? t(IMPORT_COLUMNS[m[2]!]!) : m[2]!,
      });
  }
  return labels;
}

export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = { db: app.services.database.db, clock: app.services.clock };

  const emptyForms = (): CalendarPageProps['forms'] => ({
    closure: { errors: {}, values: {} },
    holiday: { errors: {}, values: { kind: 'CUTI_BERSAMA' } },
    import: { errors: {} },
  });

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { year?: number; forms?: CalendarPageProps['forms']; status?: number } = {},
  ) {
    const office = officeOf(req);
    const query = req.query as Record<string, string | undefined>;
    const today = localDateTime(ctx.clock.now(), office.timezone);
    const year =
      opts.year ??
      z.coerce.number().int().min(2000).max(2100).safeParse(query.tahun).data ??
      Number(today.date.slice(0, 4));
    const [holidays, closures, covered] = await Promise.all([
      listHolidays(ctx.db, year),
      listOfficeClosures(ctx.db, office.id, year),
      listCoveredYears(ctx.db),
    ]);
    const calcValues: Values = {
      diterima: query.diterima ?? `${today.date}T${today.time}`,
      hari: query.hari ?? '10',
    };
    const calc: CalendarPageProps['calc'] = { values: calcValues, errors: {} };
    if (query.diterima) {
      const at = instantOfLocal(query.diterima, office.timezone);
      const n = z.coerce.number().int().min(0).max(366).safeParse(query.hari);
      if (!at) calc.errors.diterima = req.t('validation.datetime');
      if (!n.success) calc.errors.hari = req.t('validation.workingDays');
      if (at && n.success) {
        calc.result = await officeDueDate(ctx.db, office, { receivedAt: at, workingDays: n.data });
        calc.n = n.data;
      }
    }
    return sendPage(
      reply,
      <CalendarPage
        ctx={pageCtx(req, reply)}
        office={office}
        year={year}
        holidays={holidays.filter((h) => !h.scopeOfficeId || office.path.includes(h.scopeOfficeId))}
        closures={closures}
        loaded={covered.some((c) => c.year === year)}
        calc={calc}
        forms={opts.forms ?? emptyForms()}
      />,
      opts.status ?? 200,
    );
  }

  const back = (
    req: FastifyRequest,
    reply: FastifyReply,
    key: string,
    params?: Record<string, string | number>,
  ) => {
    setFlash(reply, { kind: 'success', key, ...(params ? { params } : {}) });
    return reply.redirect(`/staff/${officeOf(req).slug}/kalender`);
  };

  const idParam = (value: string) => {
    const id = z.uuid().safeParse(value);
    if (!id.success) throw AppError.notFound();
    return id.data;
  };

  staff.get('/staff/:office/kalender', 'enterOffice', (req, reply) => render(req, reply));

  staff.post('/staff/:office/kalender/penutupan', 'administerOffice', async (req, reply, office) => {
    const { fields } = await readForm(req);
    return formAction(
      req,
      reply,
      () => addOfficeClosure(ctx, req.actor, office.id, fields),
      (errors, status) =>
        render(req, reply, { forms: { ...emptyForms(), closure: { errors, values: fields } }, status }),
      () => back(req, reply, 'calendar.closureAdded'),
    );
  });

  staff.post<{ Params: { office: string; id: string } }>(
    '/staff/:office/kalender/penutupan/:id/hapus',
    'administerOffice',
    async (req, reply, office) => {
      await removeOfficeClosure(ctx, req.actor, office.id, idParam(req.params.id));
      return back(req, reply, 'calendar.closureRemoved');
    },
  );

  staff.post('/staff/:office/kalender/libur', 'manageNationalHolidays', async (req, reply) => {
    const { fields } = await readForm(req);
    return formAction(
      req,
      reply,
      () => addHoliday(ctx, req.actor, fields),
      (errors, status) =>
        render(req, reply, { forms: { ...emptyForms(), holiday: { errors, values: fields } }, status }),
      () => back(req, reply, 'calendar.holidayAdded'),
    );
  });

  staff.post<{ Params: { office: string; id: string } }>(
    '/staff/:office/kalender/libur/:id/hapus',
    'manageNationalHolidays',
    async (req, reply) => {
      await removeHoliday(ctx, req.actor, idParam(req.params.id));
      return back(req, reply, 'calendar.holidayRemoved');
    },
  );

  staff.post('/staff/:office/kalender/impor', 'manageNationalHolidays', async (req, reply, office) => {
    const { fields, files } = await readForm(req);
    const file = files.file?.[0];
    return formAction(
      req,
      reply,
      async () => {
        if (!file) throw AppError.field('file', 'validation.required');
        return importHolidays(
          ctx,
          req.actor,
          {
            format: one(fields, 'format'),
            defaultKind: one(fields, 'defaultKind'),
            markYearsCovered: one(fields, 'markYearsCovered') ?? 'false',
          },
          file.bytes.toString('utf8'),
        );
      },
      (errors, status) => render(req, reply, { forms: { ...emptyForms(), import: { errors } }, status }),
      (result) => {
        const params = { added: result.added, updated: result.updated, years: result.years.join(', ') };
        if (result.thinYears.length === 0) return back(req, reply, 'calendar.imported', params);
        const thin = result.thinYears.map((y) => `${y.year} (${y.days})`).join(', ');
        setFlash(reply, {
          kind: 'warning',
          key: 'lawPeriods.calendar.importedThin',
          params: { ...params, thin, normal: THIN_YEAR_DAYS },
        });
        return reply.redirect(`/staff/${office.slug}/kalender`);
      },
    );
  });

  staff.post('/staff/:office/kalender/tahun', 'manageNationalHolidays', async (req, reply) => {
    const { fields } = await readForm(req);
    await confirmHolidayYear(ctx, req.actor, fields);
    return back(req, reply, 'calendar.yearConfirmed', { year: one(fields, 'year') ?? '' });
  });
}
