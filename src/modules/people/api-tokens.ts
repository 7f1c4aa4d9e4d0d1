import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { randomToken, sha256Hex } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can } from '../access/permissions.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { findOfficeById, findOfficeBySlug } from '../offices/queries.ts';
import {
  findActiveRoles,
  findApiTokenByHash,
  findUserById,
  insertApiToken,
  revokeApiTokenRow,
  touchApiToken,
} from './queries.ts';
import { ROLES } from './schema.ts';

const TOKEN_PREFIX = 'tbk_';

export const createTokenInput = z.object({
  name: field.text(120),
  role: z.enum(ROLES).refine((r) => r !== 'NATIONAL_ADMIN', { message: 'validation.tokenRole' }),
  expiresAt: field.optionalIsoDate(),
  /** The person the token acts for (signs its letters); must hold the token's role in the office. */
  actingUserId: field.optionalUuid(),
});

/**
 * Creates an API token for an integration, scoped to one office and one role. The token is
 * shown once; only its sha256 is kept.
 */
export async function createApiToken(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; data: unknown },
): Promise<{ id: string; token: string }> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!can.administerOffice(actor, office)) throw AppError.forbidden();
  const data = parseInput(createTokenInput, input.data);
  if (data.actingUserId) {
    const person = await findUserById(ctx.db, data.actingUserId);
    const today = localDateTime(ctx.clock.now(), office.timezone).date;
    const roles = person && !person.disabledAt ? await findActiveRoles(ctx.db, person.id, today) : [];
    if (!roles.some((r) => r.officeId === office.id && r.role === data.role))
      throw AppError.field('actingUserId', 'validation.tokenPerson');
  }
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await insertApiToken(tx, {
      officeId: office.id,
      name: data.name,
      role: data.role,
      actingUserId: data.actingUserId ?? null,
      tokenHash: sha256Hex(token),
      createdBy: actor.label,
      createdAt: now,
      expiresAt: data.expiresAt ? new Date(`${data.expiresAt}T23:59:59+07:00`) : null,
    });
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: 'token.created',
        entityType: 'api_token',
        entityId: row.id,
        after: { name: data.name, role: data.role, actingUserId: data.actingUserId ?? null },
      },
      now,
    );
    return { id: row.id, token };
  });
}

export async function revokeApiToken(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; tokenId: string },
): Promise<void> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!can.administerOffice(actor, office)) throw AppError.forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await revokeApiTokenRow(tx, office.id, input.tokenId, now);
    if (!row) throw AppError.notFound();
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: 'token.revoked',
        entityType: 'api_token',
        entityId: row.id,
        after: { name: row.name },
      },
      now,
    );
  });
}

/** The actor behind a bearer token, or undefined when unknown, revoked or expired. */
export async function actorForApiToken(
  ctx: Ctx,
  token: string,
  requestId: string | null,
): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
  const row = await findApiTokenByHash(ctx.db, sha256Hex(token));
  const now = ctx.clock.now();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return undefined;
  const office = await findOfficeById(ctx.db, row.officeId);
  if (!office || !office.active) return undefined;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await touchApiToken(ctx.db, row.officeId, row.id, now);
  }
  // A token acts for its named person while they are an active account; otherwise for no one
  // (and then it cannot issue letters: officerOf refuses).
  const person = row.actingUserId ? await findUserById(ctx.db, row.actingUserId) : undefined;
  return {
    kind: 'token',
    userId: person && !person.disabledAt ? person.id : null,
    label: `token:${row.name}`,
    requestId,
    roles: [
      {
        officeId: office.id,
        officePath: office.path,
        officeSlug: office.slug,
        officeName: office.name,
        role: row.role,
        unitId: null,
      },
    ],
  };
}

/** For the CLI: office by slug. */
export async function officeIdBySlug(ctx: Ctx, slug: string): Promise<string> {
  const office = await findOfficeBySlug(ctx.db, slug);
  if (!office) throw new AppError('NOT_FOUND', 'error.officeNotFound', { slug });
  return office.id;
}
