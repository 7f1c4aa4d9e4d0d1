import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { ActiveRole } from '../access/actor.ts';
import { offices } from '../offices/schema.ts';
import { apiTokens, roleAssignments, users, type Role } from './schema.ts';

export type User = typeof users.$inferSelect;
export type RoleAssignment = typeof roleAssignments.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row;
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** Roles in force on `today` (a date), with their office's place in the hierarchy. */
export async function findActiveRoles(db: Db, userId: string, today: string): Promise<ActiveRole[]> {
  const rows = await db
    .select({
      officeId: roleAssignments.officeId,
      role: roleAssignments.role,
      unitId: roleAssignments.unitId,
      officePath: offices.path,
      officeSlug: offices.slug,
      officeName: offices.name,
    })
    .from(roleAssignments)
    .innerJoin(offices, eq(offices.id, roleAssignments.officeId))
    .where(
      and(
        eq(roleAssignments.userId, userId),
        isNull(roleAssignments.revokedAt),
        lte(roleAssignments.validFrom, today),
        or(isNull(roleAssignments.validTo), gte(roleAssignments.validTo, today)),
        eq(offices.active, true),
      ),
    )
    .orderBy(asc(offices.code));
  return rows;
}

export interface OfficeMember {
  assignment: RoleAssignment;
  user: Pick<User, 'id' | 'email' | 'name' | 'nip' | 'disabledAt' | 'lastLoginAt' | 'lockedUntil'>;
}

/** Every role assignment of an office (current, future, ended and revoked) with its holder. */
export async function listOfficeAssignments(db: Db, officeId: string): Promise<OfficeMember[]> {
  const rows = await db
    .select({
      assignment: roleAssignments,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        nip: users.nip,
        disabledAt: users.disabledAt,
        lastLoginAt: users.lastLoginAt,
        lockedUntil: users.lockedUntil,
      },
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(eq(roleAssignments.officeId, officeId))
    .orderBy(asc(users.name), asc(roleAssignments.role));
  return rows;
}

/** Offices where the user holds any non-revoked assignment (for "may this admin manage them"). */
export async function findUserOffices(db: Db, userId: string): Promise<{ id: string; path: string }[]> {
  return db
    .selectDistinct({ id: offices.id, path: offices.path })
    .from(roleAssignments)
    .innerJoin(offices, eq(offices.id, roleAssignments.officeId))
    .where(and(eq(roleAssignments.userId, userId), isNull(roleAssignments.revokedAt)));
}

export async function findAssignment(
  db: Db,
  officeId: string,
  id: string,
): Promise<RoleAssignment | undefined> {
  const [row] = await db
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.officeId, officeId), eq(roleAssignments.id, id)));
  return row;
}

export async function findApiTokenByHash(db: Db, tokenHash: string): Promise<ApiToken | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash));
  return row;
}

export async function listApiTokens(db: Db, officeId: string): Promise<ApiToken[]> {
  return db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.officeId, officeId))
    .orderBy(asc(apiTokens.createdAt));
}

export async function countUsersWithRole(db: Db, role: Role): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${roleAssignments.userId})::int` })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.role, role), isNull(roleAssignments.revokedAt)));
  return row?.n ?? 0;
}

export async function insertApiToken(tx: Db, row: typeof apiTokens.$inferInsert): Promise<{ id: string }> {
  const [created] = await tx.insert(apiTokens).values(row).returning({ id: apiTokens.id });
  return created!;
}

/** Revokes a token that is not revoked yet: undefined when there is none. */
export async function revokeApiTokenRow(
  tx: Db,
  officeId: string,
  tokenId: string,
  now: Date,
): Promise<{ id: string; name: string } | undefined> {
  const [row] = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.officeId, officeId), eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name });
  return row;
}

export async function touchApiToken(db: Db, officeId: string, tokenId: string, now: Date): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.officeId, officeId), eq(apiTokens.id, tokenId)));
}

/** A successful sign-in: failures forgotten, the time recorded, the password hash renewed when given. */
export async function recordUserLogin(
  tx: Db,
  userId: string,
  now: Date,
  newHash: string | undefined,
): Promise<void> {
  await tx
    .update(users)
    .set({
      failedLogins: 0,
      lockedUntil: null,
      lastLoginAt: now,
      ...(newHash ? { passwordHash: newHash } : {}),
    })
    .where(eq(users.id, userId));
}
