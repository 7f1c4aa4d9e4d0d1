import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { hashPassword, randomPassword, verifyPassword } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { field, fieldErrorsOf, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can } from '../access/permissions.ts';
import { findOfficeById, findUnit, type Office } from '../offices/queries.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { passwordProblems } from './password-policy.ts';
import {
  findAssignment,
  findUserByEmail,
  findUserById,
  findUserOffices,
  type RoleAssignment,
  type User,
} from './queries.ts';
import { ROLES, type Role } from './schema.ts';
import {
  holdsRole,
  insertAssignment as insertAssignmentRow,
  insertUser,
  revokeAssignment,
  updateUser,
} from './user-write-queries.ts';
import { destroyUserSessions } from './sessions.ts';

export interface PasswordCost {
  passwordHashCost: number;
}

/** May the actor manage this account? Only if they administer every office where it holds a role. */
async function canManageUser(ctx: Ctx, actor: Actor, userId: string): Promise<boolean> {
  if (actor.kind === 'cli' || actor.kind === 'system') return true;
  const userOffices = await findUserOffices(ctx.db, userId);
  return userOffices.length > 0 && userOffices.every((o) => can.administerOffice(actor, o));
}

async function officeFor(ctx: Ctx, officeId: string): Promise<Office> {
  const office = await findOfficeById(ctx.db, officeId);
  if (!office) throw AppError.notFound();
  return office;
}

export const grantInput = z
  .object({
    role: z.enum(ROLES),
    unitId: field.optionalUuid(),
    validFrom: field.isoDate(),
    validTo: field.optionalIsoDate(),
    decreeNumber: field.optionalText(200),
    decreeDate: field.optionalIsoDate(),
  })
  .refine((v) => !v.validTo || v.validTo >= v.validFrom, {
    path: ['validTo'],
    message: 'validation.endBeforeStart',
  })
  .refine((v) => v.role !== 'PPID_PEMBANTU' || v.unitId, {
    path: ['unitId'],
    message: 'validation.unitRequired',
  });

export const createUserInput = z.object({
  email: field.email(),
  name: field.text(200),
  nip: z.preprocess(
    (v) =>
      typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.replace(/\s/g, '') : v,
    z
      .string()
      .regex(/^\d{18}$/, { message: 'validation.nip' })
      .optional(),
  ),
  phone: field.optionalText(40),
});

/**
 * Creates a staff account with a first role in the office, or — when the email already has
 * an account (a person serving several offices) — grants that account the role. Returns the
 * generated one-time password for a new account.
 */
export async function createUserWithRole(
  ctx: Ctx & PasswordCost,
  actor: Actor,
  input: { officeId: string; user: unknown; role: unknown },
): Promise<{ user: User; password: string | null; assignment: RoleAssignment }> {
  const office = await officeFor(ctx, input.officeId);
  if (!can.administerOffice(actor, office)) throw AppError.forbidden();
  // Both parts of the form are checked before answering, so every bad field is named at once.
  const userResult = createUserInput.safeParse(input.user);
  const roleResult = grantInput.safeParse(input.role);
  if (!userResult.success || !roleResult.success) {
    throw AppError.validation([
      ...(userResult.success ? [] : fieldErrorsOf(userResult.error)),
      ...(roleResult.success ? [] : fieldErrorsOf(roleResult.error)),
    ]);
  }
  const userData = userResult.data;
  const roleData = roleResult.data;
  if (!can.grantRole(actor, office, roleData.role)) throw AppError.forbidden('error.cannotGrantRole');
  const existing = await findUserByEmail(ctx.db, userData.email);
  const password = existing ? null : randomPassword(16);
  const hash = password ? await hashPassword(password, ctx.passwordHashCost) : null;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    let user = existing;
    if (!user) {
      const created = await insertUser(tx, {
        email: userData.email,
        name: userData.name,
        nip: userData.nip ?? null,
        phone: userData.phone ?? null,
        passwordHash: hash!,
        mustChangePassword: true,
        createdAt: now,
      });
      user = created;
      await auditAs(
        tx,
        actor,
        {
          officeId: office.id,
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          after: { email: user.email, name: user.name },
        },
        now,
      );
    }
    const assignment = await insertAssignment(tx, actor, office, user.id, roleData, now);
    return { user, password, assignment };
  });
}

async function insertAssignment(
  tx: Ctx['db'],
  actor: Actor,
  office: Office,
  userId: string,
  data: z.output<typeof grantInput>,
  now: Date,
): Promise<RoleAssignment> {
  if (data.unitId && !(await findUnit(tx, office.id, data.unitId))) {
    throw AppError.field('unitId', 'validation.invalidChoice');
  }
  const duplicate = await holdsRole(tx, office.id, userId, data.role, data.unitId);
  if (duplicate) throw AppError.field('role', 'validation.roleAlreadyHeld');
  const assignment = await insertAssignmentRow(tx, {
    officeId: office.id,
    userId,
    role: data.role,
    unitId: data.role === 'PPID_PEMBANTU' ? (data.unitId ?? null) : null,
    validFrom: data.validFrom,
    validTo: data.validTo ?? null,
    decreeNumber: data.decreeNumber ?? null,
    decreeDate: data.decreeDate ?? null,
    grantedBy: actor.label,
    grantedAt: now,
  });
  await auditAs(
    tx,
    actor,
    {
      officeId: office.id,
      action: 'role.granted',
      entityType: 'role_assignment',
      entityId: assignment.id,
      after: assignment,
    },
    now,
  );
  return assignment;
}

/** Grants a role in an office to an existing account. */
export async function grantRole(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; userId: string; role: unknown },
): Promise<RoleAssignment> {
  const office = await officeFor(ctx, input.officeId);
  const data = parseInput(grantInput, input.role);
  if (!can.grantRole(actor, office, data.role)) throw AppError.forbidden('error.cannotGrantRole');
  const user = await findUserById(ctx.db, input.userId);
  if (!user) throw AppError.notFound();
  const now = ctx.clock.now();
  return ctx.db.transaction((tx) => insertAssignment(tx, actor, office, user.id, data, now));
}

/** Ends a role assignment now (the record stays, with who revoked it and when). */
export async function revokeRole(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; assignmentId: string },
): Promise<void> {
  const office = await officeFor(ctx, input.officeId);
  const before = await findAssignment(ctx.db, office.id, input.assignmentId);
  if (!before) throw AppError.notFound();
  if (!can.grantRole(actor, office, before.role)) throw AppError.forbidden();
  if (before.revokedAt) return;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await revokeAssignment(tx, office.id, before.id, {
      revokedAt: now,
      revokedBy: actor.label,
    });
    if (!after) return; // revoked concurrently
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: 'role.revoked',
        entityType: 'role_assignment',
        entityId: before.id,
        before,
        after,
      },
      now,
    );
  });
}

/** Disables (or re-enables) an account; disabling ends its sessions at once. */
export async function setUserDisabled(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string | null; userId: string; disabled: boolean },
): Promise<void> {
  const user = await findUserById(ctx.db, input.userId);
  if (!user) throw AppError.notFound();
  if (!(await canManageUser(ctx, actor, user.id))) throw AppError.forbidden();
  if (actor.userId === user.id && input.disabled) throw AppError.conflict('error.cannotDisableSelf');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, {
      disabledAt: input.disabled ? now : null,
      failedLogins: 0,
      lockedUntil: null,
    });
    if (input.disabled) await destroyUserSessions(tx, user.id);
    await auditAs(
      tx,
      actor,
      {
        officeId: input.officeId,
        action: input.disabled ? 'user.disabled' : 'user.enabled',
        entityType: 'user',
        entityId: user.id,
        before: { disabledAt: user.disabledAt },
        after: { disabledAt: input.disabled ? now : null },
      },
      now,
    );
  });
}

/** Sets a new random one-time password; the holder must change it at next login. */
export async function resetPassword(
  ctx: Ctx & PasswordCost,
  actor: Actor,
  input: { officeId: string | null; userId: string },
): Promise<string> {
  const user = await findUserById(ctx.db, input.userId);
  if (!user) throw AppError.notFound();
  if (!(await canManageUser(ctx, actor, user.id))) throw AppError.forbidden();
  const password = randomPassword(16);
  const hash = await hashPassword(password, ctx.passwordHashCost);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, {
      passwordHash: hash,
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
      passwordChangedAt: now,
    });
    await destroyUserSessions(tx, user.id);
    await auditAs(
      tx,
      actor,
      { officeId: input.officeId, action: 'user.password_reset', entityType: 'user', entityId: user.id },
      now,
    );
  });
  return password;
}

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().max(200),
    confirmPassword: z.string().max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'validation.passwordMismatch',
  });

/** The holder changes their own password; their other sessions end. */
export async function changeOwnPassword(
  ctx: Ctx & PasswordCost,
  actor: Actor,
  raw: unknown,
  keepSessionToken?: string,
): Promise<void> {
  if (!actor.userId) throw new AppError('UNAUTHENTICATED', 'error.loginRequired');
  const input = parseInput(changePasswordInput, raw);
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'error.loginRequired');
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw AppError.field('currentPassword', 'validation.currentPasswordWrong');
  }
  const problems = passwordProblems(input.newPassword, user);
  if (input.newPassword === input.currentPassword)
    problems.push({ field: 'newPassword', key: 'validation.passwordUnchanged' });
  if (problems.length > 0) throw AppError.validation(problems);
  const hash = await hashPassword(input.newPassword, ctx.passwordHashCost);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash: hash, mustChangePassword: false, passwordChangedAt: now });
    await destroyUserSessions(tx, user.id, keepSessionToken);
    await auditAs(
      tx,
      actor,
      { officeId: null, action: 'user.password_changed', entityType: 'user', entityId: user.id },
      now,
    );
  });
}

/** Today's date in Indonesia's western zone, for role validity. */
export function todayInJakarta(now: Date): string {
  return localDateTime(now, 'Asia/Jakarta').date;
}

export type { Role };
