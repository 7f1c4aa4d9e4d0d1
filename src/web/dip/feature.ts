import type { Feature } from '../kit/feature.ts';
import { dipApi } from './dip-api.ts';
import { dipStaffApi } from './dip-staff-api.ts';
import { dipCycleRoutes } from './dip-cycle-routes.tsx';
import { dipEntryRoutes } from './dip-entry-routes.tsx';
import { dipProposalRoutes } from './dip-proposal-routes.tsx';
import { dipImportRoutes } from './dip-import-routes.tsx';
import { dipDocumentRoutes } from './dip-document-routes.tsx';
import { dipProcedureRoutes } from './dip-procedure-routes.tsx';
import { dipPublicRoutes } from './dip-public.tsx';

/** Daftar Informasi Publik (seeds 000, 001). */
export const dipFeature: Feature = {
  name: 'dip',
  api: [dipApi, dipStaffApi],
  staff: [
    dipCycleRoutes,
    dipEntryRoutes,
    dipProposalRoutes,
    dipImportRoutes,
    dipDocumentRoutes,
    dipProcedureRoutes,
  ],
  public: [dipPublicRoutes],
};
