import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests } from '../access/permissions.ts';
import { localDateTime } from '../calendar/working-days.ts';
import type { Office } from '../offices/queries.ts';
import { findActiveRoles, findUserById, listOfficeAssignments } from '../people/queries.ts';
import type { Role } from '../people/schema.ts';
import { activeOffice, addEvent, auditRequest, eventActorLabel } from './request-steps.ts';
import type { RequestsCtx } from './requests-ctx.ts';
import { lockRequests, setRequestAssignee } from './write-queries.ts';

/** The roles that handle requests, and so may be assigned one. */
const HANDLER_ROLES: readonly Role[] = ['PPID', 'PETUGAS_LAYANAN'];

export const assignInput = z.object({
  requestIds: z.preprocess(
    (v) => (typeof v === 'string' ? [v] : v),
    z.array(z.uuid()).min(1, { message: 'validation.chooseRequests' }).max(200),
  ),
  /** Empty: no one handles them any more. */
  assigneeId: z.preprocess(
    (v) => (v === '' ? null : v),
    z.uuid({ message: 'validation.chooseOfficer' }).nullable(),
  ),
});

export interface Officer {
  userId: string;
  name: string;
}

/** The office's staff who may handle requests today (the assignment choices). */
export async function listRequestHandlers(ctx: RequestsCtx, office: Office): Promise<Officer[]> {
  const today = localDateTime(ctx.clock.now(), office.timezone).date;
  const seen = new Map<string, Officer>();
  for (const m of await listOfficeAssignments(ctx.db, office.id)) {
    const a = m.assignment;
    const current =
      !a.revokedAt && a.validFrom <= today && (!a.validTo || a.validTo >= today) && !m.user.disabledAt;
    if (current && HANDLER_ROLES.includes(a.role))
      seen.set(m.user.id, { userId: m.user.id, name: m.user.name });
  }
  return [...seen.values()].sort((x, y) => x.name.localeCompare(y.name, 'id'));
}

/**
 * Assigns requests to an officer of the office (or to no one), one or many at once, in one
 * transaction: each changed request gets a staff-only timeline entry and an audit row naming
 * the previous and the new handler. Requests already with that officer are left as they are.
 */
export async function assignRequests(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; data: unknown },
): Promise<{ changed: number }> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.assignRequests(actor, office)) throw AppError.forbidden();
  const data = parseInput(assignInput, input.data);
  const now = ctx.clock.now();
  let assignee: Officer | null = null;
  if (data.assigneeId) {
    const today = localDateTime(now, office.timezone).date;
    const [user, roles] = await Promise.all([
      findUserById(ctx.db, data.assigneeId),
      findActiveRoles(ctx.db, data.assigneeId, today),
    ]);
    const handles = roles.some((r) => r.officeId === office.id && HANDLER_ROLES.includes(r.role));
    if (!user || user.disabledAt || !handles) {
      throw AppError.validation([{ field: 'assigneeId', key: 'validation.notAHandler' }]);
    }
    assignee = { userId: user.id, name: user.name };
  }
  return ctx.db.transaction(async (tx) => {
    const rows = await lockRequests(tx, office.id, data.requestIds);
    if (rows.length !== new Set(data.requestIds).size) throw AppError.notFound();
    let changed = 0;
    for (const before of rows) {
      if (before.assignedUserId === (assignee?.userId ?? null)) continue;
      const after = await setRequestAssignee(tx, before, assignee, now);
      await addEvent(tx, after, {
        kind: assignee ? 'ASSIGNED' : 'UNASSIGNED',
        actorLabel: eventActorLabel(actor),
        public: false,
        data: { officer: assignee?.name ?? null, previousOfficer: before.assignedName },
        at: now,
      });
      await auditRequest(
        tx,
        actor,
        after,
        'assigned',
        { assignedUserId: assignee?.userId ?? null, previousUserId: before.assignedUserId },
        now,
      );
      changed++;
    }
    return { changed };
  });
}
