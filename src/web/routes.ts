import type { FastifyInstance } from 'fastify';
import { calendarApi } from './api/calendar-api.ts';
import { officeApi } from './api/office-api.ts';
import { publicRoutes } from './public/public-routes.tsx';
import { systemRoutes } from './public/system-routes.ts';
import { authRoutes } from './staff/auth-routes.tsx';
import { calendarRoutes } from './staff/calendar.tsx';
import { dashboardRoutes } from './staff/dashboard.tsx';
import { staffGuard } from './staff/guard.ts';
import { officeAdminRoutes } from './staff/offices.tsx';
import { oversightRoutes } from './staff/oversight.tsx';
import { settingsRoutes } from './staff/settings.tsx';
import { tokenRoutes } from './staff/tokens.tsx';
import { unitRoutes } from './staff/units.tsx';
import { userRoutes } from './staff/users.tsx';

type RouteModule = (app: FastifyInstance) => Promise<void>;

// Staff pages of one office (/staff/:office/…): every route passes staffGuard, which checks
// sign-in and the route's declared permission against the office in the URL.
const officeStaffModules: RouteModule[] = [
  dashboardRoutes,
  userRoutes,
  unitRoutes,
  settingsRoutes,
  calendarRoutes,
  oversightRoutes,
  tokenRoutes,
  officeAdminRoutes,
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
  authRoutes,
  officeStaff,
  publicRoutes,
];
