import type { Feature } from '../kit/feature.ts';
import { redactionRoutes } from './redaction-routes.tsx';

/** The release step: redaction and hidden-data scrubbing (issue 14). */
export const redactionFeature: Feature = {
  name: 'redaction',
  staff: [redactionRoutes],
};
