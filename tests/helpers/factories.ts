import { randomBytes } from 'node:crypto';
import type { Clock } from '../../src/platform/clock.ts';
import { hashPassword } from '../../src/platform/crypto.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { findOfficeBySlug, type Office } from '../../src/modules/offices/queries.ts';
import { roleAssignments, users, type Role } from '../../src/modules/people/schema.ts';
import { units } from '../../src/modules/offices/schema.ts';
import { cliActor } from '../../src/modules/access/actor.ts';
import { createApiToken } from '../../src/modules/people/api-tokens.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
let cachedHash: string | undefined;

async function passwordHash(password: string): Promise<string> {
  if (password !== TEST_PASSWORD) return hashPassword(password, 14);
  cachedHash ??= await hashPassword(TEST_PASSWORD, 14);
  return cachedHash;
}

export async function office(db: Db, slug: string): Promise<Office> {
  const o = await findOfficeBySlug(db, slug);
  if (!o) throw new Error(`No office ${slug}`);
  return o;
}

export interface StaffSpec {
  email?: string;
  name?: string;
  password?: string;
  roles: { office: string; role: Role; unitId?: string; validFrom?: string; validTo?: string }[];
  mustChangePassword?: boolean;
}

/** A staff account with the given roles (valid from 2020 unless said otherwise). */
export async function createStaff(db: Db, clock: Clock, spec: StaffSpec) {
  const email = spec.email ?? `staff-${randomBytes(4).toString('hex')}@test.terbuka.test`;
  const password = spec.password ?? TEST_PASSWORD;
  const [user] = await db
    .insert(users)
    .values({
      email,
      name: spec.name ?? email.split('@')[0]!,
      passwordHash: await passwordHash(password),
      mustChangePassword: spec.mustChangePassword ?? false,
      createdAt: clock.now(),
    })
    .returning();
  for (const r of spec.roles) {
    const o = await office(db, r.office);
    await db.insert(roleAssignments).values({
      officeId: o.id,
      userId: user!.id,
      role: r.role,
      unitId: r.unitId ?? null,
      validFrom: r.validFrom ?? '2020-01-01',
      validTo: r.validTo ?? null,
      grantedBy: 'test',
      grantedAt: clock.now(),
    });
  }
  return { user: user!, email, password };
}

export async function createUnit(
  db: Db,
  officeSlug: string,
  name = `Unit ${randomBytes(3).toString('hex')}`,
) {
  const o = await office(db, officeSlug);
  const [unit] = await db.insert(units).values({ officeId: o.id, name, kind: 'PPID_PEMBANTU' }).returning();
  return unit!;
}

/**
 * An API token of one role in an office. By default it acts for a new holder of that role
 * (letters issued through it are signed by them); `person: false` makes a token that acts for
 * no one and so cannot issue letters.
 */
export async function createRoleToken(
  db: Db,
  clock: Clock,
  spec: { office: string; role: Role; person?: boolean; personName?: string },
): Promise<string> {
  const o = await office(db, spec.office);
  const name = `${spec.role}-${spec.office}-${randomBytes(3).toString('hex')}`;
  const person =
    spec.person === false
      ? undefined
      : (
          await createStaff(db, clock, {
            name: spec.personName ?? `Pemegang ${spec.role}`,
            roles: [{ office: spec.office, role: spec.role }],
          })
        ).user;
  return (
    await createApiToken({ db, clock }, cliActor(), {
      officeId: o.id,
      data: { name, role: spec.role, actingUserId: person?.id },
    })
  ).token;
}
