import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { RoleAssignment, User } from './queries.ts';
import { roleAssignments, users, type Role } from './schema.ts';

// The writes of staff accounts and their role assignments.

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<User> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

/** Inserts an account; nothing when the e-mail address is taken. */
export async function insertUserIfAbsent(
  db: Db,
  values: typeof users.$inferInsert,
): Promise<User | undefined> {
  const [row] = await db.insert(users).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateUser(
  db: Db,
  userId: string,
  values: Partial<Omit<typeof users.$inferInsert, 'id' | 'email'>>,
): Promise<void> {
  await db.update(users).set(values).where(eq(users.id, userId));
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

/** Whether the user already holds this role at the office (for this unit, or for none), unrevoked. */
export async function holdsRole(
  db: Db,
  officeId: string,
  userId: string,
  role: Role,
  unitId: string | undefined,
): Promise<boolean> {
  const [row] = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.officeId, officeId),
        eq(roleAssignments.userId, userId),
        eq(roleAssignments.role, role),
        isNull(roleAssignments.revokedAt),
        unitId ? eq(roleAssignments.unitId, unitId) : isNull(roleAssignments.unitId),
      ),
    );
  return row !== undefined;
}

export async function insertAssignment(
  db: Db,
  values: typeof roleAssignments.$inferInsert,
): Promise<RoleAssignment> {
  const [row] = await db.insert(roleAssignments).values(values).returning();
  return row!;
}

/** Revokes the assignment unless someone did first; the row as written. */
export async function revokeAssignment(
  db: Db,
  officeId: string,
  id: string,
  values: { revokedAt: Date; revokedBy: string },
): Promise<RoleAssignment | undefined> {
  const [row] = await db
    .update(roleAssignments)
    .set(values)
    .where(
      and(
        eq(roleAssignments.officeId, officeId),
        eq(roleAssignments.id, id),
        isNull(roleAssignments.revokedAt),
      ),
    )
    .returning();
  return row;
}
