import type { FastifyInstance } from 'fastify';
import { formatDateTime, zoneName } from '../../platform/i18n.ts';
import { listCoveredYears } from '../../modules/calendar/queries.ts';
import { localDateTime } from '../../modules/calendar/working-days.ts';
import { canObjections, canRequests, rolesAt } from '../../modules/access/permissions.ts';
import { dipWorklist, type WorkItem } from '../../modules/dip/dip-worklist.ts';
import {
  listObjectionWorklist,
  type ObjectionWorklistRow,
} from '../../modules/objections/list-objection-worklist.ts';
import { ObjectionWorklistTable } from '../objections/objection-worklist-table.tsx';
import { listWorklist, type WorklistRow } from '../../modules/requests/list-worklist.ts';
import { requestsCtxOf } from '../requests/requests-ctx.ts';
import { WorklistTable } from '../requests/worklist-table.tsx';
import { getOfficeSettings, type Office } from '../../modules/offices/queries.ts';
import type { OfficeSettings } from '../../modules/offices/office-settings.ts';
import { StaffLayout } from './layout.tsx';
import { pageCtx, sendPage, type PageCtx } from '../render.tsx';
import { DashboardStatistics, dashboardFigures } from '../reports/dashboard-statistics.tsx';
import { staffRoutes } from '../kit/office.ts';

/**
 * Years a deadline computed today could reach without their holiday list: this year, and
 * next year from October on (a 17-working-day period plus an objection's 30 can cross it).
 */
export function yearsNeedingHolidays(today: string, covered: number[]): number[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const needed = month >= 10 ? [year, year + 1] : [year];
  return needed.filter((y) => !covered.includes(y));
}

function Dashboard(props: {
  ctx: PageCtx;
  office: Office;
  settings: OfficeSettings;
  missingYears: number[];
  coveredYears: number[];
  worklist: { rows: WorklistRow[]; total: number } | null;
  objections: { rows: ObjectionWorklistRow[]; total: number } | null;
  work: WorkItem[];
  stats?: Awaited<ReturnType<typeof dashboardFigures>>;
}) {
  const { ctx, office, settings } = props;
  const { t } = ctx;
  const roles = rolesAt(ctx.actor, office);
  return (
    <StaffLayout ctx={ctx} title={t('nav.dashboard')}>
      <hgroup>
        <h1>{office.name}</h1>
        <p>
          {t('staff.officeFacts', {
            cutoff: settings.cutoff,
            zone: zoneName(office.timezone),
            counting: t(`staff.counting.${settings.dayCounting}`),
          })}
        </p>
      </hgroup>
      {props.missingYears.map((year) => (
        <p class="notice notice-warning" role="alert">
          {t('calendar.warning.HOLIDAYS_NOT_LOADED', { year })}{' '}
          <a href={`/staff/${office.slug}/kalender?tahun=${year}`}>{t('nav.calendar')}</a>
        </p>
      ))}
      <section>
        <h2>{t('staff.worklist')}</h2>
        {props.worklist && props.worklist.rows.length > 0 ? (
          <>
            <WorklistTable ctx={ctx} office={office} rows={props.worklist.rows} />
            <p>
              <a href={`/staff/${office.slug}/permohonan`}>
                {t('requests.worklist.all', { n: props.worklist.total })}
              </a>
            </p>
          </>
        ) : null}
        {props.work.length > 0 ? (
          <ul class="worklist">
            {props.work.map((w) => (
              <li>
                <a href={w.href}>{t(w.key, w.params)}</a>
                {w.dueAt ? (
                  <small class="muted">
                    {' '}
                    · {t('dip.worklist.due', { at: formatDateTime(w.dueAt, ctx.locale, office.timezone) })}
                  </small>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {(!props.worklist || props.worklist.rows.length === 0) && props.work.length === 0 ? (
          <p class="muted">{t('staff.worklistEmpty')}</p>
        ) : null}
      </section>
      {props.objections ? (
        <section>
          <h2>{t('objections.worklist.title')}</h2>
          <ObjectionWorklistTable ctx={ctx} office={office} rows={props.objections.rows} />
          <p>
            <a href={`/staff/${office.slug}/keberatan`}>
              {t('objections.worklist.all', { n: props.objections.total })}
            </a>
          </p>
        </section>
      ) : null}
      <DashboardStatistics ctx={ctx} office={office} stats={props.stats ?? null} />
      <section>
        <h2>{t('staff.yourRoles')}</h2>
        {roles.length > 0 ? (
          <ul>
            {roles.map((r) => (
              <li>{t(`role.${r}`)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('staff.oversight')}</p>
        )}
      </section>
      <section>
        <h2>{t('staff.calendarStatus')}</h2>
        <p>{t('staff.calendarOk', { years: props.coveredYears.join(', ') })}</p>
      </section>
    </StaffLayout>
  );
}

export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const { db } = app.services.database;
  staff.get('/staff/:office', 'enterOffice', async (req, reply, office) => {
    const [settings, covered, worklist, objections, work, stats] = await Promise.all([
      getOfficeSettings(db, office.id),
      listCoveredYears(db),
      canRequests.viewRequests(req.actor, office)
        ? listWorklist(requestsCtxOf(app), req.actor, { officeId: office.id, filter: { pageSize: 10 } })
        : Promise.resolve(null),
      // Objections waiting for the Atasan PPID or under way (issue 4).
      canObjections.viewObjections(req.actor, office)
        ? listObjectionWorklist(requestsCtxOf(app), req.actor, { officeId: office.id, pageSize: 10 })
        : Promise.resolve(null),
      dipWorklist(db, req.actor, office),
      dashboardFigures(db, app.services.clock.now(), req.actor, office),
    ]);
    const today = localDateTime(app.services.clock.now(), office.timezone).date;
    const coveredYears = covered.map((c) => c.year);
    return sendPage(
      reply,
      <Dashboard
        ctx={pageCtx(req, reply)}
        office={office}
        settings={settings}
        coveredYears={coveredYears}
        missingYears={yearsNeedingHolidays(today, coveredYears)}
        worklist={worklist}
        objections={objections}
        work={work}
        stats={stats}
      />,
    );
  });
}
