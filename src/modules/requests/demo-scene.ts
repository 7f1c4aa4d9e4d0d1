import { ManualClock } from '../../platform/clock.ts';
import type { Actor } from '../access/actor.ts';
import { addCalendarDays, localDateTime } from '../calendar/working-days.ts';
import type { DemoCtx } from '../demo/seed-demo.ts';
import { findOfficeBySlug, type Office } from '../offices/queries.ts';
import { actorForUser } from '../people/load-actor.ts';
import { findUserByEmail } from '../people/queries.ts';
import type { RequestsCtx } from './requests-ctx.ts';

// The stage the demo cases are played on (seed-demo-requests.ts, seed-demo-objections.ts): the
// demo office, its officers as actors, and a clock the seed moves to each step's time in the past.

export interface DemoScene<K extends string> {
  office: Office;
  actors: Record<K, Actor>;
  ctx: RequestsCtx;
  clock: ManualClock;
  /** The office's local date today. */
  today: string;
  /** The office's local date `daysAgo` calendar days before today. */
  day: (daysAgo: number) => string;
  /** Moves the clock to `hour`:00 in the office (WIB) `daysAgo` calendar days ago. */
  at: (daysAgo: number, hour: number) => void;
}

/** The scene, or null when the demo office or one of the officers (by email) is missing. */
export async function demoScene<K extends string>(
  base: DemoCtx,
  officeSlug: string,
  emails: Record<K, string>,
): Promise<DemoScene<K> | null> {
  const office = await findOfficeBySlug(base.db, officeSlug);
  if (!office) return null;
  const actors = {} as Record<K, Actor>;
  for (const [key, email] of Object.entries(emails) as [K, string][]) {
    const user = await findUserByEmail(base.db, email);
    if (!user) return null;
    actors[key] = await actorForUser(base.db, user, base.clock.now(), null);
  }
  const clock = new ManualClock(base.clock.now());
  const ctx: RequestsCtx = {
    db: base.db,
    clock,
    files: base.files,
    keys: base.dataKeys,
    publicUrl: base.publicUrl,
    uploadMaxBytes: base.uploadMaxBytes,
  };
  const today = localDateTime(base.clock.now(), office.timezone).date;
  const day = (daysAgo: number) => addCalendarDays(today, -daysAgo);
  const at = (daysAgo: number, hour: number) =>
    clock.set(new Date(`${day(daysAgo)}T${String(hour).padStart(2, '0')}:00:00+07:00`));
  return { office, actors, ctx, clock, today, day, at };
}
