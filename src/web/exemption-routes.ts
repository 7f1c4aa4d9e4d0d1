import type { FastifyInstance } from 'fastify';
import { exemptionsPublicApi } from './api/exemptions-public-api.ts';
import { exemptionsStaffApi } from './api/exemptions-staff-api.ts';
import { exemptionPublicRoutes } from './public/exemption-public.tsx';
import { exemptionDocumentRoutes } from './public/exemption-documents.tsx';
import { exemptionStaffRoutes } from './staff/exemptions/exemption-routes.tsx';

type RouteModule = (app: FastifyInstance) => Promise<void>;

/** The route modules of exempt information (issue 10, SOP 004), by where routes.ts mounts them. */
export const exemptionRoutes: { staff: RouteModule[]; api: RouteModule[]; public: RouteModule[] } = {
  staff: [exemptionStaffRoutes],
  api: [exemptionsPublicApi, exemptionsStaffApi],
  public: [exemptionPublicRoutes, exemptionDocumentRoutes],
};
