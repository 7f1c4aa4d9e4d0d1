import { readFileSync } from 'node:fs';
import type { Db } from '../../platform/db/database.ts';
import { parseHolidayCsv } from './holiday-csv.ts';
import { holidayYears, holidays } from './schema.ts';

/** Loads the 2024–2026 list (holidays-id.csv, see holidays-id.SOURCES.md). Idempotent. */
export async function seedHolidays(db: Db): Promise<number> {
  const { rows, problems } = parseHolidayCsv(
    readFileSync(new URL('./data/holidays-id.csv', import.meta.url), 'utf8'),
  );
  if (problems.length > 0) throw new Error(`holidays-id.csv has problems: ${JSON.stringify(problems)}`);
  const years = [...new Set(rows.map((r) => Number(r.date.slice(0, 4))))];
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(holidays)
      .values(rows.map((r) => ({ ...r, source: 'seed' as const, createdBy: 'seed' })))
      .onConflictDoNothing()
      .returning({ id: holidays.id });
    await tx
      .insert(holidayYears)
      .values(years.map((year) => ({ year, note: 'SKB 3 Menteri (holidays-id.csv)', confirmedBy: 'seed' })))
      .onConflictDoNothing();
    return inserted.length;
  });
}
