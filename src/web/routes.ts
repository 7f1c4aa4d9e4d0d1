import type { FastifyInstance } from 'fastify';
import { calendarApi } from './api/calendar-api.ts';
import { dipApi } from './api/dip-api.ts';
import { dipStaffApi } from './api/dip-staff-api.ts';
import { officeApi } from './api/office-api.ts';
import { publicRequestApi } from './api/requests-public-api.ts';
import { staffRequestApi } from './api/requests-staff-api.ts';
import { statisticsApi } from './api/statistics-api.ts';
import { publicRequestRoutes } from './public/request-routes.tsx';
import { dipPublicRoutes } from './public/dip-public.tsx';
import { publicRoutes } from './public/public-routes.tsx';
import { sopPublicRoutes } from './public/sop-public.tsx';
import { statisticsPublicRoutes } from './public/statistics-routes.tsx';
import { annualReportPublicRoutes } from './public/annual-report-public.tsx';
import { annualReportRoutes } from './staff/annual-report-routes.tsx';
import { systemRoutes } from './public/system-routes.ts';
import { archiveRoutes } from './staff/archive-routes.tsx';
import { redactionRoutes } from './staff/redaction-routes.tsx';
import { authRoutes } from './staff/auth-routes.tsx';
import { calendarRoutes } from './staff/calendar.tsx';
import { electionPeriodRoutes } from './staff/election-periods.tsx';
import { dashboardRoutes } from './staff/dashboard.tsx';
import { dipCycleRoutes } from './staff/dip/dip-cycle-routes.tsx';
import { dipDocumentRoutes } from './staff/dip/dip-document-routes.tsx';
import { dipEntryRoutes } from './staff/dip/dip-entry-routes.tsx';
import { dipImportRoutes } from './staff/dip/dip-import-routes.tsx';
import { dipProcedureRoutes } from './staff/dip/dip-procedure-routes.tsx';
import { dipProposalRoutes } from './staff/dip/dip-proposal-routes.tsx';
import { staffGuard } from './staff/guard.ts';
import { officeAdminRoutes } from './staff/offices.tsx';
import { oversightRoutes } from './staff/oversight.tsx';
import { heldMailRoutes } from './staff/held-mail-routes.ts';
import { rollupRoutes } from './staff/rollup-routes.tsx';
import { intakeRoutes } from './staff/requests/intake-page.tsx';
import { registerRoutes } from './staff/requests/register-page.tsx';
import { reportRoutes } from './staff/requests/reports-page.tsx';
import { staffRequestRoutes } from './staff/requests/request-routes.tsx';
import { requestSettingsRoutes } from './staff/requests/request-settings-page.tsx';
import { worklistRoutes } from './staff/requests/worklist-page.tsx';
import { objectionRoutes } from './objection-routes.ts';
import { exemptionRoutes } from './exemption-routes.ts';
import { serviceDocumentRoutes } from './service-document-routes.ts';
import { announcementRoutes } from './staff/announcement-routes.tsx';
import { announcementPublicRoutes } from './public/announcements-public.tsx';
import { settingsRoutes } from './staff/settings.tsx';
import { sopRoutes } from './staff/sop-routes.tsx';
import { tokenRoutes } from './staff/tokens.tsx';
import { unitRoutes } from './staff/units.tsx';
import { userRoutes } from './staff/users.tsx';
import { calendarFeedRoutes } from './staff/calendar-feeds.tsx';
import { feedRoutes } from './public/feed-routes.ts';

type RouteModule = (app: FastifyInstance) => Promise<void>;

// Staff pages of one office (/staff/:office/…): every route passes staffGuard, which checks
// sign-in and the route's declared permission against the office in the URL.
const officeStaffModules: RouteModule[] = [
  dashboardRoutes,
  userRoutes,
  unitRoutes,
  settingsRoutes,
  calendarRoutes,
  calendarFeedRoutes,
  electionPeriodRoutes,
  oversightRoutes,
  heldMailRoutes,
  tokenRoutes,
  officeAdminRoutes,
  // information requests (issue 3)
  worklistRoutes,
  intakeRoutes,
  staffRequestRoutes,
  registerRoutes,
  reportRoutes,
  requestSettingsRoutes,
  // objections and disputes (issue 4)
  ...objectionRoutes.staff,
  // Daftar Informasi Publik, documentation archive, SOP register (issue 5)
  dipCycleRoutes,
  dipEntryRoutes,
  dipProposalRoutes,
  dipImportRoutes,
  dipDocumentRoutes,
  dipProcedureRoutes,
  archiveRoutes,
  sopRoutes,
  // reports and oversight roll-ups (issue 11)
  rollupRoutes,
  annualReportRoutes,
  // exempt information, SOP 004 (issue 10)
  ...exemptionRoutes.staff,
  // the release step: redaction and hidden-data scrubbing (issue 14)
  redactionRoutes,
  // the desk's paper documents: Model PPID-B, lembar disposisi (issue 13)
  ...serviceDocumentRoutes.staff,
  // Pengumuman serta-merta, UU 14/2008 Pasal 10 (issue 13)
  announcementRoutes,
];

async function officeStaff(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (!route.config?.permission) throw new Error(`Staff route ${route.url} must declare a permission`);
  });
  app.addHook('preHandler', staffGuard);
  for (const register of officeStaffModules) await app.register(register);
}

// Order matters only for the public catch-all /:office, registered last.
export const routeModules: RouteModule[] = [
  systemRoutes,
  officeApi,
  calendarApi,
  publicRequestApi,
  staffRequestApi,
  ...objectionRoutes.api,
  ...exemptionRoutes.api,
  dipApi,
  dipStaffApi,
  statisticsApi,
  authRoutes,
  officeStaff,
  feedRoutes,
  publicRequestRoutes,
  ...serviceDocumentRoutes.public,
  ...objectionRoutes.public,
  ...exemptionRoutes.public,
  dipPublicRoutes,
  sopPublicRoutes,
  statisticsPublicRoutes,
  annualReportPublicRoutes,
  announcementPublicRoutes,
  publicRoutes,
];
