import type { FastifyInstance } from 'fastify';
import { announcementsFeature } from './announcements/feature.ts';
import { archiveFeature } from './archive/feature.ts';
import { calendarFeature } from './calendar/feature.ts';
import { charterFeature } from './charter/feature.ts';
import { dipFeature } from './dip/feature.ts';
import { exemptionRoutes } from './exemptions/routes.ts';
import type { Feature, RouteModule } from './kit/feature.ts';
import { objectionRoutes } from './objections/routes.ts';
import { officesFeature } from './offices/feature.ts';
import { peopleFeature } from './people/feature.ts';
import { portalFeature } from './portal/feature.ts';
import { redactionFeature } from './redaction/feature.ts';
import { reportsFeature } from './reports/feature.ts';
import { requestsFeature } from './requests/feature.ts';
import { dashboardFeature } from './shared/feature.ts';
import { staffGuard } from './shared/guard.ts';
import { sopsFeature } from './sops/feature.ts';
import { systemFeature } from './system/feature.ts';

// The web layer is a list of features, one folder each (src/web/<feature>/feature.ts says what it
// mounts). The portal comes last: its catch-all /:office is the public fallback.
export const features: Feature[] = [
  systemFeature,
  peopleFeature,
  dashboardFeature,
  officesFeature,
  calendarFeature,
  requestsFeature,
  objectionRoutes,
  dipFeature,
  archiveFeature,
  sopsFeature,
  reportsFeature,
  exemptionRoutes,
  redactionFeature,
  announcementsFeature,
  charterFeature,
  portalFeature,
];

// Staff pages of one office (/staff/:office/…): every route passes staffGuard, which checks
// sign-in and the route's declared permission against the office in the URL.
async function officeStaff(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (!route.config?.permission) throw new Error(`Staff route ${route.url} must declare a permission`);
  });
  app.addHook('preHandler', staffGuard);
  for (const register of features.flatMap((f) => f.staff ?? [])) await app.register(register);
}

export const routeModules: RouteModule[] = [
  ...features.flatMap((f) => f.api ?? []),
  officeStaff,
  ...features.flatMap((f) => f.public ?? []),
];
