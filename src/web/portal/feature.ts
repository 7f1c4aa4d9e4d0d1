import type { Feature } from '../kit/feature.ts';
import { publicRoutes } from './public-routes.tsx';

/** The public portal: home, office search, the office page (the catch-all /:office, mounted last). */
export const portalFeature: Feature = {
  name: 'portal',
  public: [publicRoutes],
};
