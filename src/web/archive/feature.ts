import type { Feature } from '../kit/feature.ts';
import { archiveRoutes } from './archive-routes.tsx';

/** The documentation archive (seed 003). */
export const archiveFeature: Feature = {
  name: 'archive',
  staff: [archiveRoutes],
};
