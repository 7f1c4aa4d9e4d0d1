import type { Feature } from '../kit/feature.ts';
import { calendarApi } from './calendar-api.ts';
import { calendarRoutes } from './calendar.tsx';
import { calendarFeedRoutes } from './calendar-feeds.tsx';
import { electionPeriodRoutes } from './election-periods.tsx';
import { feedRoutes } from './feed-routes.ts';

/** The working-day calendar: holidays, closures, election periods, calendar feeds. */
export const calendarFeature: Feature = {
  name: 'calendar',
  api: [calendarApi],
  staff: [calendarRoutes, calendarFeedRoutes, electionPeriodRoutes],
  public: [feedRoutes],
};
