import type { Feature } from '../kit/feature.ts';
import { statisticsApi } from './statistics-api.ts';
import { rollupRoutes } from './rollup-routes.tsx';
import { annualReportRoutes } from './annual-report-routes.tsx';
import { statisticsPublicRoutes } from './statistics-routes.tsx';
import { annualReportPublicRoutes } from './annual-report-public.tsx';

/** Statistics, the annual report and roll-ups (issue 11). */
export const reportsFeature: Feature = {
  name: 'reports',
  api: [statisticsApi],
  staff: [rollupRoutes, annualReportRoutes],
  public: [statisticsPublicRoutes, annualReportPublicRoutes],
};
