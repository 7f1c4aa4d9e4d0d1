import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { isValidTimeZone } from '../calendar/working-days.ts';
import { offices } from './schema.ts';

const csvRow = z.object({
  code: z.string().min(1),
  parent_code: z.string(),
  level: z.enum(['RI', 'PROVINSI', 'KABKOTA']),
  nomenclature: z.string().min(2),
  name: z.string().min(3),
  region_name: z.string().min(2),
  timezone: z.string().refine(isValidTimeZone),
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
});

export type OfficeCsvRow = z.output<typeof csvRow>;

export function readKpuOfficesCsv(): OfficeCsvRow[] {
  const text = readFileSync(new URL('./data/offices-kpu.csv', import.meta.url), 'utf8');
  const records: unknown[] = parse(text, { columns: true, skip_empty_lines: true, trim: true });
  return records.map((r) => csvRow.parse(r));
}

/**
 * Loads every KPU office (KPU RI, 38 provinces with KIP Aceh, 514 regencies and cities).
 * Idempotent: offices already present (by code) are left as they are.
 */
export async function seedKpuOffices(db: Db): Promise<{ inserted: number; total: number }> {
  const rows = readKpuOfficesCsv();
  const existing = await db.select({ id: offices.id, code: offices.code, path: offices.path }).from(offices);
  const byCode = new Map(existing.map((o) => [o.code, o]));
  const levelOrder = { RI: 0, PROVINSI: 1, KABKOTA: 2 } as const;
  const sorted = [...rows].sort((a, b) => levelOrder[a.level] - levelOrder[b.level]);
  let inserted = 0;
  await db.transaction(async (tx) => {
    for (const level of ['RI', 'PROVINSI', 'KABKOTA'] as const) {
      const batch = sorted
        .filter((r) => r.level === level && !byCode.has(r.code))
        .map((r) => {
          const id = crypto.randomUUID();
          const parent = r.parent_code ? byCode.get(r.parent_code) : undefined;
          if (r.parent_code && !parent)
            throw new Error(`Office ${r.code}: parent ${r.parent_code} not found`);
          const path = `${parent ? parent.path : '/'}${id}/`;
          byCode.set(r.code, { id, code: r.code, path });
          return {
            id,
            code: r.code,
            parentId: parent?.id ?? null,
            path,
            level: r.level,
            nomenclature: r.nomenclature,
            name: r.name,
            regionName: r.region_name,
            timezone: r.timezone,
            slug: r.slug,
          };
        });
      for (let i = 0; i < batch.length; i += 200) {
        await tx.insert(offices).values(batch.slice(i, i + 200));
      }
      inserted += batch.length;
    }
  });
  return { inserted, total: rows.length };
}
