import type { FastifyInstance } from 'fastify';
import { calendarApi } from './calendar/calendar-api.ts';
import { dipApi } from './dip/dip-api.ts';
import { dipStaffApi } from './dip/dip-staff-api.ts';
import { officeApi } from './offices/office-api.ts';
import { publicRequestApi } from './requests/requests-public-api.ts';
import { staffRequestApi } from './requests/requests-staff-api.ts';
import { statisticsApi } from './reports/statistics-api.ts';
import { publicRequestRoutes } from './requests/public-request-routes.tsx';
import { dipPublicRoutes } from './dip/dip-public.tsx';
import { publicRoutes } from './portal/public-routes.tsx';
import { sopPublicRoutes } from './sops/sop-public.tsx';
import { statisticsPublicRoutes } from './reports/statistics-routes.tsx';
import { annualReportPublicRoutes } from './reports/annual-report-public.tsx';
import { annualReportRoutes } from './reports/annual-report-routes.tsx';
import { systemRoutes } from './system/system-routes.ts';
import { archiveRoutes } from './archive/archive-routes.tsx';
import { redactionRoutes } from './redaction/redaction-routes.tsx';
import { authRoutes } from './people/auth-routes.tsx';
import { calendarRoutes } from './calendar/calendar.tsx';
import { electionPeriodRoutes } from './calendar/election-periods.tsx';
import { dashboardRoutes } from './shared/dashboard.tsx';
import { dipCycleRoutes } from './dip/dip-cycle-routes.tsx';
import { dipDocumentRoutes } from './dip/dip-document-routes.tsx';
import { dipEntryRoutes } from './dip/dip-entry-routes.tsx';
import { dipImportRoutes } from './dip/dip-import-routes.tsx';
import { dipProcedureRoutes } from './dip/dip-procedure-routes.tsx';
import { dipProposalRoutes } from './dip/dip-proposal-routes.tsx';
import { staffGuard } from './shared/guard.ts';
import { officeAdminRoutes } from './offices/offices.tsx';
import { oversightRoutes } from './offices/oversight.tsx';
import { heldMailRoutes } from './system/held-mail-routes.ts';
import { rollupRoutes } from './reports/rollup-routes.tsx';
import { intakeRoutes } from './requests/intake-page.tsx';
import { registerRoutes } from './requests/register-page.tsx';
import { reportRoutes } from './requests/reports-page.tsx';
import { staffRequestRoutes } from './requests/request-routes.tsx';
import { requestSettingsRoutes } from './requests/request-settings-page.tsx';
import { worklistRoutes } from './requests/worklist-page.tsx';
import { objectionRoutes } from './objections/routes.ts';
import { exemptionRoutes } from './exemptions/routes.ts';
import { serviceDocumentRoutes } from './requests/service-document-routes.ts';
import { announcementRoutes } from './announcements/announcement-routes.tsx';
import { announcementPublicRoutes } from './announcements/announcements-public.tsx';
import { settingsRoutes } from './offices/settings.tsx';
import { sopRoutes } from './sops/sop-routes.tsx';
import { tokenRoutes } from './people/tokens.tsx';
import { unitRoutes } from './offices/units.tsx';
import { userRoutes } from './people/users.tsx';
import { calendarFeedRoutes } from './calendar/calendar-feeds.tsx';
import { feedRoutes } from './calendar/feed-routes.ts';

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
