import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditActorOf } from '../../modules/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { readyChannels, releaseHeldMail } from '../../platform/mail/mailer.ts';
import { field, parseInput } from '../../platform/validation.ts';
import { readForm } from '../form-data.ts';
import { setFlash } from '../render.tsx';
import { staffRoutes } from '../kit/office.ts';

// "Send held mail now" (issue 13 item 14): emails queued while no SMTP server was set are put
// back in the queue, one (outboxId) or all of the office, by whoever may read the outbox, in one
// transaction with an audit row. Only the channels with a transport are released (email with
// SMTP, phone notices with WhatsApp or an SMS gateway); with none the button is refused.
const releaseInput = z.object({ outboxId: field.optionalUuid() });

export async function heldMailRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const { db } = app.services.database;
  const { clock } = app.services;
  staff.post('/staff/:office/kotak-keluar/kirim-ditahan', 'viewOutbox', async (req, reply, office) => {
    const { fields } = await readForm(req);
    const input = parseInput(releaseInput, {
      outboxId: typeof fields.outboxId === 'string' ? fields.outboxId : undefined,
    });
    const ready = readyChannels(app.services.config);
    if (ready.length === 0) throw new AppError('CONFLICT', 'heldMail.noSmtp');
    const now = clock.now();
    const count = await db.transaction(async (tx) => {
      const n = await releaseHeldMail(
        tx,
        office.id,
        now,
        input.outboxId ? [input.outboxId] : undefined,
        ready,
      );
      if (n > 0) {
        await recordAudit(
          tx,
          auditActorOf(req.actor),
          {
            officeId: office.id,
            action: 'mail.held_released',
            entityType: 'mail_outbox',
            entityId: input.outboxId ?? null,
            after: { count: n, scope: input.outboxId ? 'one' : 'all' },
          },
          now,
        );
      }
      return n;
    });
    setFlash(reply, {
      kind: count > 0 ? 'success' : 'info',
      key: count > 0 ? 'heldMail.released' : 'heldMail.noneHeld',
      params: { count },
    });
    return reply.redirect(`/staff/${office.slug}/kotak-keluar`);
  });
}
