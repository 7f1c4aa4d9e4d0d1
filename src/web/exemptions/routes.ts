import type { FastifyInstance } from 'fastify';
import { exemptionsPublicApi } from './exemptions-public-api.ts';
import { exemptionsStaffApi } from './exemptions-staff-api.ts';
import { exemptionPublicRoutes } from './exemption-public.tsx';
import { exemptionDocumentRoutes } from './exemption-documents.tsx';
import { exemptionStaffRoutes } from './exemption-routes.tsx';

type RouteModule = (app: FastifyInstance) => Promise<void>;

/** The route modules of exempt information (issue 10, SOP 004), by where routes.ts mounts them. */
export const exemptionRoutes: { staff: RouteModule[]; api: RouteModule[]; public: RouteModule[] } = {
  staff: [exemptionStaffRoutes],
  api: [exemptionsPublicApi, exemptionsStaffApi],
  public: [exemptionPublicRoutes, exemptionDocumentRoutes],
};
