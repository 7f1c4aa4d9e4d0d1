import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { sops, sopSteps } from './schema.ts';

// Every read and write of the SOP register, within one office.

export type Sop = typeof sops.$inferSelect;
export type SopStep = typeof sopSteps.$inferSelect;

export async function listSops(db: Db, officeId: string, onlyPublished = false): Promise<Sop[]> {
  return db
    .select()
    .from(sops)
    .where(
      onlyPublished
        ? and(eq(sops.officeId, officeId), eq(sops.published, true))
        : eq(sops.officeId, officeId),
    )
    .orderBy(asc(sops.title));
}

export async function findSop(db: Db, officeId: string, id: string): Promise<Sop | undefined> {
  const [row] = await db
    .select()
    .from(sops)
    .where(and(eq(sops.officeId, officeId), eq(sops.id, id)));
  return row;
}

export async function findSopBySlug(db: Db, officeId: string, slug: string): Promise<Sop | undefined> {
  const [row] = await db
    .select()
    .from(sops)
    .where(and(eq(sops.officeId, officeId), eq(sops.slug, slug)));
  return row;
}

export async function listSopSteps(db: Db, officeId: string, sopId: string): Promise<SopStep[]> {
  return db
    .select()
    .from(sopSteps)
    .where(and(eq(sopSteps.officeId, officeId), eq(sopSteps.sopId, sopId)))
    .orderBy(asc(sopSteps.position));
}

export async function insertSop(tx: Db, values: typeof sops.$inferInsert): Promise<Sop> {
  const [row] = await tx.insert(sops).values(values).returning();
  return row!;
}

export async function updateSop(
  tx: Db,
  officeId: string,
  id: string,
  expectedUpdatedAt: Date,
  set: Partial<typeof sops.$inferInsert>,
): Promise<Sop | undefined> {
  const [row] = await tx
    .update(sops)
    .set(set)
    .where(and(eq(sops.officeId, officeId), eq(sops.id, id), eq(sops.updatedAt, expectedUpdatedAt)))
    .returning();
  return row;
}

export async function replaceSopSteps(
  tx: Db,
  officeId: string,
  sopId: string,
  steps: Omit<typeof sopSteps.$inferInsert, 'officeId' | 'sopId'>[],
): Promise<void> {
  await tx.delete(sopSteps).where(and(eq(sopSteps.officeId, officeId), eq(sopSteps.sopId, sopId)));
  if (steps.length > 0) await tx.insert(sopSteps).values(steps.map((s) => ({ ...s, officeId, sopId })));
}
