import type { Feature } from '../kit/feature.ts';
import { publicObjectionApi } from './objections-public-api.ts';
import { staffObjectionApi } from './objections-staff-api.ts';
import { publicObjectionRoutes } from './public-objection-routes.tsx';
import { objectionIntakeRoutes } from './objection-intake-page.tsx';
import { objectionRegisterRoutes } from './objection-register-page.tsx';
import { staffObjectionRoutes } from './objection-routes.tsx';
import { objectionSettingsRoutes } from './objection-settings-page.tsx';
import { objectionWorklistRoutes } from './objection-worklist-page.tsx';

/** The route modules of objections and disputes (issue 4), by where routes.ts mounts them. */
export const objectionRoutes: Feature = {
  name: 'objections',
  // /staff/:office/… behind staffGuard; the intake page before /keberatan/:id.
  staff: [
    objectionWorklistRoutes,
    objectionIntakeRoutes,
    staffObjectionRoutes,
    objectionRegisterRoutes,
    objectionSettingsRoutes,
  ],
  api: [publicObjectionApi, staffObjectionApi],
  public: [publicObjectionRoutes],
};
