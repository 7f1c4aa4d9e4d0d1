import type { FastifyInstance } from 'fastify';
import { publicObjectionApi } from './api/objections-public-api.ts';
import { staffObjectionApi } from './api/objections-staff-api.ts';
import { publicObjectionRoutes } from './public/objection-routes.tsx';
import { objectionIntakeRoutes } from './staff/objections/objection-intake-page.tsx';
import { objectionRegisterRoutes } from './staff/objections/objection-register-page.tsx';
import { staffObjectionRoutes } from './staff/objections/objection-routes.tsx';
import { objectionSettingsRoutes } from './staff/objections/objection-settings-page.tsx';
import { objectionWorklistRoutes } from './staff/objections/objection-worklist-page.tsx';

type RouteModule = (app: FastifyInstance) => Promise<void>;

/** The route modules of objections and disputes (issue 4), by where routes.ts mounts them. */
export const objectionRoutes: { staff: RouteModule[]; api: RouteModule[]; public: RouteModule[] } = {
  // /staff/:office/… behind staffGuard; the intake page before /keberatan/:id.
  staff: [objectionWorklistRoutes, objectionIntakeRoutes, staffObjectionRoutes, objectionRegisterRoutes, objectionSettingsRoutes],
  api: [publicObjectionApi, staffObjectionApi],
  public: [publicObjectionRoutes],
};
