import type { Feature } from '../kit/feature.ts';
import { officeApi } from './office-api.ts';
import { unitRoutes } from './units.tsx';
import { settingsRoutes } from './settings.tsx';
import { oversightRoutes } from './oversight.tsx';
import { officeAdminRoutes } from './offices.tsx';

/** Offices: the office API, units, settings, oversight, the office register. */
export const officesFeature: Feature = {
  name: 'offices',
  api: [officeApi],
  staff: [unitRoutes, settingsRoutes, oversightRoutes, officeAdminRoutes],
};
