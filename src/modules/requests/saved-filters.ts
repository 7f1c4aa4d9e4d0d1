import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import { auditActorOf, type Actor } from '../access/actor.ts';
import { canRequests, hasRole } from '../access/permissions.ts';
import { officerOf } from './officer.ts';
import { activeOffice } from './request-steps.ts';
import type { RequestsCtx } from './requests-ctx.ts';
import {
  deleteSavedFilter,
  findSavedFilter,
  insertSavedFilter,
  listOfficeSavedFilters,
  type SavedFilter,
} from './saved-filter-queries.ts';

export type { SavedFilter } from './saved-filter-queries.ts';

/** The worklist parameters a saved filter may hold (anything else is dropped). */
export const SAVED_FILTER_PARAMS = ['tampil', 'cari', 'urut', 'arah'] as const;

export const savedFilterInput = z.object({
  name: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(2).max(80)),
  query: z.string().max(2000),
  shared: z.preprocess((v) => v === 'true' || v === 'on' || v === true, z.boolean()),
});

/** Only the known worklist parameters, in a fixed order, so a saved filter is a clean link. */
export function cleanFilterQuery(query: string): string {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const kept = new URLSearchParams();
  for (const key of SAVED_FILTER_PARAMS) {
    const value = params.get(key);
    if (value) kept.set(key, value);
  }
  return kept.toString();
}

/** The actor's own filters and those shared with the office, by name. */
export async function listSavedFilters(
  ctx: RequestsCtx,
  actor: Actor,
  officeId: string,
): Promise<SavedFilter[]> {
  const office = await activeOffice(ctx.db, officeId);
  if (!canRequests.viewRequests(actor, office)) throw AppError.forbidden();
  return listOfficeSavedFilters(ctx.db, office.id, actor.userId ?? undefined);
}

/** Saves the worklist's current filter under a name, for oneself or shared with the office. */
export async function saveWorklistFilter(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; data: unknown },
): Promise<SavedFilter> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.viewRequests(actor, office) || !actor.userId) throw AppError.forbidden();
  const data = parseInput(savedFilterInput, input.data);
  const query = cleanFilterQuery(data.query);
  const officer = await officerOf(ctx.db, actor);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await insertSavedFilter(tx, {
      officeId: office.id,
      name: data.name,
      query,
      shared: data.shared,
      createdBy: actor.userId!,
      createdByName: officer.name,
      createdAt: now,
    });
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        officeId: office.id,
        action: 'request.filter_saved',
        entityType: 'request_filter',
        entityId: row.id,
        after: { name: data.name, shared: data.shared },
      },
      now,
    );
    return row;
  });
}

/** Removes a saved filter: its author, or the PPID for a shared one. */
export async function deleteWorklistFilter(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; filterId: string },
): Promise<void> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.viewRequests(actor, office)) throw AppError.forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await findSavedFilter(tx, office.id, input.filterId);
    if (!row) throw AppError.notFound();
    const mayDelete = row.createdBy === actor.userId || (row.shared && hasRole(actor, office, 'PPID'));
    if (!mayDelete) throw AppError.forbidden();
    await deleteSavedFilter(tx, office.id, row.id);
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        officeId: office.id,
        action: 'request.filter_deleted',
        entityType: 'request_filter',
        entityId: row.id,
        before: { name: row.name },
      },
      now,
    );
  });
}
