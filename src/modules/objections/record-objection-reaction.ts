import { z } from 'zod';
import { queueMail } from '../../platform/mail/mailer.ts';
import { field } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import type { RequestsCtx } from '../requests/requests-ctx.ts';
import { staffEmails } from '../requests/recipients.ts';
import { staffObjectionUpdateMail } from './emails/staff-objection-update-mail.ts';
import { REACTION_ID } from './labels-id.ts';
import { staffObjectionUrl } from './links.ts';
import { requesterOrDeskStep, type RequesterOrDeskInput } from './objection-access.ts';
import { loadObjection, objectionSteps } from './objection-steps.ts';
import type { ObjectionRow } from './queries.ts';
import { REACTIONS } from './schema.ts';
import { reactionStillEmpty } from './write-queries.ts';

export const reactionInput = z.object({
  reaction: z.enum(REACTIONS),
  note: field.optionalText(2000),
});

/**
 * The requester's reaction to the Tanggapan Atasan PPID (Model PPID-G "tanggapan pemohon"):
 * accepting closes the objection; not accepting is recorded, and the tracking page then explains
 * the dispute at the Komisi Informasi. Recorded once, by the requester or by the desk for them.
 */
export async function recordObjectionReaction(
  ctx: RequestsCtx,
  actor: Actor,
  input: RequesterOrDeskInput,
): Promise<ObjectionRow> {
  const { office, data } = await requesterOrDeskStep(ctx, actor, input, reactionInput);
  const now = ctx.clock.now();
  const staff = await staffEmails(ctx.db, office, ['ATASAN_PPID', 'PPID'], now);
  return ctx.db.transaction(async (tx) => {
    const before = await loadObjection(tx, office.id, input.objectionId);
    const changes = {
      reaction: data.reaction,
      reactionAt: now,
      reactionNote: data.note ?? null,
      ...(data.reaction === 'ACCEPTS' ? { closedAt: now } : {}),
    };
    // Once: the reaction must still be empty when it is written.
    const after = await objectionSteps.transition(
      tx,
      actor,
      before,
      {
        action: data.reaction === 'ACCEPTS' ? 'accept' : 'decline',
        changes,
        also: reactionStillEmpty(),
        event: { kind: data.reaction === 'ACCEPTS' ? 'ACCEPTED' : 'NOT_ACCEPTED', public: true },
        audit: 'reaction',
        facts: { reaction: data.reaction },
      },
      now,
    );
    const mail = staffObjectionUpdateMail({
      officeName: office.name,
      number: after.number,
      what: `Pemohon: ${REACTION_ID[data.reaction]}`,
      objectionUrl: staffObjectionUrl(ctx.publicUrl, office.slug, after.id),
    });
    for (const to of staff)
      await queueMail(
        tx,
        office.id,
        { to, ...mail, template: 'staff-objection-update', entityType: 'objection', entityId: after.id },
        now,
      );
    return after;
  });
}
