import type { Feature } from '../kit/feature.ts';
import { dashboardRoutes } from './dashboard.tsx';

/** The office's staff dashboard, the first page after sign-in. */
export const dashboardFeature: Feature = {
  name: 'dashboard',
  staff: [dashboardRoutes],
};
