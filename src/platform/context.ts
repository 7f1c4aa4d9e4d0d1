import type { Clock } from './clock.ts';
import type { Db } from './db/database.ts';

/** What every use case needs from the platform: the database and the time. */
export interface Ctx {
  db: Db;
  clock: Clock;
}
