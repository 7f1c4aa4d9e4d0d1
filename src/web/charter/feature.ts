import type { Feature } from '../kit/feature.ts';
import { charterPublicRoutes } from './charter-public.tsx';
import { charterRoutes } from './charter-routes.tsx';

/** The Maklumat Pelayanan Informasi Publik, Perki 1/2021 Pasal 47 (ADR 0092). */
export const charterFeature: Feature = {
  name: 'charter',
  staff: [charterRoutes],
  public: [charterPublicRoutes],
};
