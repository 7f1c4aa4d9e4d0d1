import type { Feature } from '../kit/feature.ts';
import { announcementRoutes } from './announcement-routes.tsx';
import { announcementPublicRoutes } from './announcements-public.tsx';

/** Pengumuman serta-merta, UU 14/2008 Pasal 10. */
export const announcementsFeature: Feature = {
  name: 'announcements',
  staff: [announcementRoutes],
  public: [announcementPublicRoutes],
};
