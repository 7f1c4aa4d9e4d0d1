import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { field, parseInput } from '../../platform/validation.ts';
import { auditActorOf, type Actor } from '../access/actor.ts';
import { can } from '../access/permissions.ts';
import { findOfficeById } from '../offices/queries.ts';
import { endAnnouncementRow, findAnnouncement } from './queries.ts';
import type { UrgentAnnouncement } from './schema.ts';

export const endAnnouncementInput = z.object({ endNote: field.text(1000) });

/** Ends an announcement once the danger has passed: it leaves the office page, stays in the list. */
export async function endAnnouncement(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; announcementId: string; data: unknown },
): Promise<UrgentAnnouncement> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office || !office.active) throw AppError.notFound();
  if (!can.publishUrgentAnnouncements(actor, office)) throw AppError.forbidden();
  const data = parseInput(endAnnouncementInput, input.data);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await findAnnouncement(tx, office.id, input.announcementId);
    if (!before) throw AppError.notFound();
    const after = await endAnnouncementRow(tx, office.id, before.id, {
      endedAt: now,
      endedBy: actor.label,
      endNote: data.endNote,
    });
    if (!after) throw AppError.conflict('announcements.error.alreadyEnded');
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        officeId: office.id,
        action: 'announcement.ended',
        entityType: 'urgent_announcement',
        entityId: after.id,
        before,
        after,
      },
      now,
    );
    return after;
  });
}
