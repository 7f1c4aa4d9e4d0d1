import type { Feature } from '../kit/feature.ts';
import { userRoutes } from './users.tsx';
import { tokenRoutes } from './tokens.tsx';
import { authRoutes } from './auth-routes.tsx';

/** People: sign-in, accounts, API tokens. */
export const peopleFeature: Feature = {
  name: 'people',
  staff: [userRoutes, tokenRoutes],
  public: [authRoutes],
};
