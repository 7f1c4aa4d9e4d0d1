import type { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Actor } from '../access/actor.ts';
import { canObjections } from '../access/permissions.ts';
import type { Office } from '../offices/queries.ts';
import type { RequestRow } from '../requests/queries.ts';
import { resolveRequestAccess } from '../requests/request-access.ts';
import { activeOffice } from '../requests/request-steps.ts';
import { findObjection, type ObjectionRow } from './queries.ts';

/** Staff of the office, or the requester with the request's number and tracking code. */
export type ObjectionAccess =
  | { kind: 'staff'; actor: Actor; officeId: string; objectionId: string }
  | { kind: 'tracking'; officeId: string; number: string; code: string; objectionId: string }
  /** The link returned when the objection was filed through the API (`receiptUrl`). */
  | { kind: 'link'; officeId: string; token: string; objectionId: string };

export interface ResolvedObjection {
  office: Office;
  objection: ObjectionRow;
  audience: 'staff' | 'requester';
}

/**
 * Checks the access and returns the objection. The requester reaches only the objections of the
 * request whose tracking code they hold; anything else is "not found".
 */
export async function resolveObjectionAccess(ctx: Ctx, access: ObjectionAccess): Promise<ResolvedObjection> {
  if (access.kind === 'staff') {
    const office = await activeOffice(ctx.db, access.officeId);
    if (!canObjections.viewObjections(access.actor, office)) throw AppError.forbidden();
    const objection = await findObjection(ctx.db, office.id, access.objectionId);
    if (!objection) throw AppError.notFound();
    return { office, objection, audience: 'staff' };
  }
  const { office, request } = await resolveRequestAccess(
    ctx,
    access.kind === 'link'
      ? { kind: 'link', officeId: access.officeId, token: access.token }
      : { kind: 'tracking', officeId: access.officeId, number: access.number, code: access.code },
  );
  const objection = await findObjection(ctx.db, office.id, access.objectionId);
  if (!objection || objection.requestId !== request.id) throw AppError.notFound();
  return { office, objection, audience: 'requester' };
}

/** A step the requester takes on the tracking page, or the desk records for them. */
export async function checkRequesterOrDesk(
  ctx: Ctx,
  actor: Actor,
  office: Office,
  objection: ObjectionRow,
  proof: { number: string; code: string } | undefined,
): Promise<RequestRow | null> {
  if (actor.kind === 'public') {
    if (!proof) throw AppError.notFound();
    const { request } = await resolveRequestAccess(ctx, {
      kind: 'tracking',
      officeId: office.id,
      number: proof.number,
      code: proof.code,
    });
    if (request.id !== objection.requestId) throw AppError.notFound();
    return request;
  }
  if (!canObjections.intakeObjections(actor, office)) throw AppError.forbidden();
  return null;
}

/** What a requester-or-desk step starts from (see `requesterOrDeskStep`). */
export interface RequesterOrDeskInput {
  officeId: string;
  objectionId: string;
  proof?: { number: string; code: string } | undefined;
  data: unknown;
}

/**
 * The opening of every step the requester takes on the tracking page (or the desk for them):
 * the office, the objection reached with the proof, the form parsed by `schema`.
 */
export async function requesterOrDeskStep<S extends z.ZodType>(
  ctx: Ctx,
  actor: Actor,
  input: RequesterOrDeskInput,
  schema: S,
): Promise<{ office: Office; data: z.output<S> }> {
  const office = await activeOffice(ctx.db, input.officeId);
  const current = await findObjection(ctx.db, office.id, input.objectionId);
  if (!current) throw AppError.notFound();
  await checkRequesterOrDesk(ctx, actor, office, current, input.proof);
  return { office, data: parseInput(schema, input.data) };
}
