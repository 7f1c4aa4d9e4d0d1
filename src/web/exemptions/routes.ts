import type { Feature } from '../kit/feature.ts';
import { exemptionsPublicApi } from './exemptions-public-api.ts';
import { exemptionsStaffApi } from './exemptions-staff-api.ts';
import { exemptionPublicRoutes } from './exemption-public.tsx';
import { exemptionDocumentRoutes } from './exemption-documents.tsx';
import { exemptionStaffRoutes } from './exemption-routes.tsx';

/** The route modules of exempt information (issue 10, SOP 004), by where routes.ts mounts them. */
export const exemptionRoutes: Feature = {
  name: 'exemptions',
  staff: [exemptionStaffRoutes],
  api: [exemptionsPublicApi, exemptionsStaffApi],
  public: [exemptionPublicRoutes, exemptionDocumentRoutes],
};
