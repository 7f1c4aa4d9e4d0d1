import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { loginThrottle } from './schema.ts';

export type ThrottleRow = typeof loginThrottle.$inferSelect;

export async function throttleRows(db: Db, keys: string[]): Promise<Map<string, ThrottleRow>> {
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  return new Map(rows.map((r) => [r.key, r]));
}

/**
 * Counts one failure against the key (restarting the count when the last failure is older
 * than `resetBefore`) and sets its back-off from the new count.
 */
export async function addThrottleFailure(
  db: Db,
  key: string,
  now: Date,
  resetBefore: Date,
  blockFor: (failures: number) => number,
): Promise<number> {
  const [row] = await db
    .insert(loginThrottle)
    .values({ key, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`CASE WHEN ${loginThrottle.lastFailureAt} < ${resetBefore} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
        lastFailureAt: now,
      },
    })
    .returning({ failures: loginThrottle.failures });
  const failures = row?.failures ?? 1;
  const ms = blockFor(failures);
  await db
    .update(loginThrottle)
    .set({ blockedUntil: ms > 0 ? new Date(now.getTime() + ms) : null })
    .where(eq(loginThrottle.key, key));
  return failures;
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
