import type { Feature } from '../kit/feature.ts';
import { heldMailRoutes } from './held-mail-routes.ts';
import { systemRoutes } from './system-routes.ts';

/** System: health checks, language switch, the outbox and held mail. */
export const systemFeature: Feature = {
  name: 'system',
  staff: [heldMailRoutes],
  public: [systemRoutes],
};
