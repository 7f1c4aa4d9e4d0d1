import type { Feature } from '../kit/feature.ts';
import { intakeRoutes } from './intake-page.tsx';
import { publicRequestRoutes } from './public-request-routes.tsx';
import { registerRoutes } from './register-page.tsx';
import { reportRoutes } from './reports-page.tsx';
import { staffRequestRoutes } from './request-routes.tsx';
import { requestSettingsRoutes } from './request-settings-page.tsx';
import { publicRequestApi } from './requests-public-api.ts';
import { staffRequestApi } from './requests-staff-api.ts';
import { serviceDocumentRoutes } from './service-document-routes.ts';
import { worklistRoutes } from './worklist-page.tsx';

/** Information requests (seed 002): intake, the worklist, the case page, register, reports, the desk's paper documents. */
export const requestsFeature: Feature = {
  name: 'requests',
  api: [publicRequestApi, staffRequestApi],
  staff: [
    worklistRoutes,
    intakeRoutes,
    staffRequestRoutes,
    registerRoutes,
    reportRoutes,
    requestSettingsRoutes,
    ...serviceDocumentRoutes.staff,
  ],
  public: [publicRequestRoutes, ...serviceDocumentRoutes.public],
};
