import type { Feature } from '../kit/feature.ts';
import { sopRoutes } from './sop-routes.tsx';
import { sopPublicRoutes } from './sop-public.tsx';

/** The SOP register. */
export const sopsFeature: Feature = {
  name: 'sops',
  staff: [sopRoutes],
  public: [sopPublicRoutes],
};
