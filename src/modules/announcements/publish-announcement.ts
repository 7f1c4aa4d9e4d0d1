import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { field, parseInput } from '../../platform/validation.ts';
import { auditActorOf, type Actor } from '../access/actor.ts';
import { can } from '../access/permissions.ts';
import { findOfficeById } from '../offices/queries.ts';
import { insertAnnouncement } from './queries.ts';
import { HAZARD_KINDS, type UrgentAnnouncement } from './schema.ts';

/** The contents Perki 1/2021 requires of a serta-merta announcement (regulation.md §2.1 item 2). */
export const announcementInput = z.object({
  kind: z.enum(HAZARD_KINDS),
  title: field.text(200),
  threat: field.text(4000),
  affected: field.text(4000),
  whatToDo: field.text(4000),
  evacuationPlace: field.optionalText(2000),
  help: field.text(2000),
  announcer: field.text(500),
  mitigation: field.text(4000),
});

/**
 * Publishes a Pengumuman serta-merta at once (UU 14/2008 Pasal 10): there is no draft or
 * approval step, the office page and the feed show it from this commit on.
 */
export async function publishAnnouncement(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; data: unknown },
): Promise<UrgentAnnouncement> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office || !office.active) throw AppError.notFound();
  if (!can.publishUrgentAnnouncements(actor, office)) throw AppError.forbidden();
  const data = parseInput(announcementInput, input.data);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await insertAnnouncement(tx, {
      officeId: office.id,
      ...data,
      evacuationPlace: data.evacuationPlace ?? null,
      publishedAt: now,
      publishedBy: actor.label,
    });
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        officeId: office.id,
        action: 'announcement.published',
        entityType: 'urgent_announcement',
        entityId: row.id,
        after: row,
      },
      now,
    );
    return row;
  });
}
