import { z } from 'zod';
import { randomToken, sha256Hex } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDateTime } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { queuePhoneNotice } from './phone-notices.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests } from '../access/permissions.ts';
import { getOfficeSettings } from '../offices/queries.ts';
import { requestDeliveredMail } from './emails/request-delivered-mail.ts';
import { DELIVERY_KIND_ID } from './labels-id.ts';
import { documentsUrl, trackingUrl } from './links.ts';
import { issuedByOf, officerOf } from './officer.ts';
import { findDecision, listReleasedFiles, type RequestRow } from './queries.ts';
import {
  activeOffice,
  addEvent,
  auditRequest,
  compareAndSet,
  eventActorLabel,
  loadRequest,
  requestSteps,
} from './request-steps.ts';
import type { RequestsCtx } from './requests-ctx.ts';
import { DELIVERY_KINDS, requestDeliveries, requestDownloadLinks, type DeliveryKind } from './schema.ts';

export const deliveryInput = z.object({
  kind: z.enum(DELIVERY_KINDS),
  recipientName: field.text(200),
  items: field.optionalText(2000),
  note: field.optionalText(2000),
  close: field.checkbox().default(false),
});

const ONLINE: DeliveryKind[] = ['UNDUH', 'EMAIL'];

/**
 * Hands the information over (tanda bukti penyerahan): released files through an expiring link
 * on the tracking page and by email, or pick-up, post or fax recorded by the desk. Optionally
 * closes the request in the same step.
 */
export async function deliverRequest(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; requestId: string; data: unknown },
): Promise<RequestRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.intakeRequests(actor, office)) throw AppError.forbidden();
  const data = parseInput(deliveryInput, input.data);
  const now = ctx.clock.now();
  const [settings, officer, decision, released] = await Promise.all([
    getOfficeSettings(ctx.db, office.id),
    officerOf(ctx.db, actor),
    findDecision(ctx.db, office.id, input.requestId),
    listReleasedFiles(ctx.db, office.id, input.requestId),
  ]);
  if (!decision || (decision.outcome !== 'GRANTED_FULL' && decision.outcome !== 'GRANTED_PARTIAL')) {
    throw AppError.conflict('requests.error.notDeliverable');
  }
  const online = ONLINE.includes(data.kind);
  if (online && released.length === 0) throw AppError.field('kind', 'validation.noReleasedFiles');
  const token = online ? randomToken(24) : null;
  const downloadUntil = online
    ? new Date(now.getTime() + settings.requests.downloadLinkDays * 86_400_000)
    : null;
  const items =
    data.items ??
    [decision.materialDescription ?? '', ...released.map((f) => f.name)].filter(Boolean).join('; ');
  const actorLabel = eventActorLabel(actor);
  return ctx.db.transaction(async (tx) => {
    const before = await loadRequest(tx, office.id, input.requestId);
    let after = await compareAndSet(tx, before, 'deliver', { deliveredAt: now }, now);
    await tx.insert(requestDeliveries).values({
      officeId: office.id,
      requestId: after.id,
      round: after.round,
      kind: data.kind,
      deliveredAt: now,
      recipientName: data.recipientName,
      items,
      note: data.note ?? null,
      deliveredBy: actorLabel,
      officerName: officer.name,
      downloadUntil,
      issuedBy: issuedByOf(office, settings),
    });
    if (token && downloadUntil) {
      await tx.insert(requestDownloadLinks).values({
        officeId: office.id,
        tokenHash: sha256Hex(token),
        requestId: after.id,
        expiresAt: downloadUntil,
        createdAt: now,
      });
    }
    await addEvent(tx, after, {
      kind: 'DELIVERED',
      actorLabel,
      public: true,
      data: { kind: data.kind },
      at: now,
    });
    await auditRequest(
      tx,
      actor,
      after,
      'delivered',
      { kind: data.kind, files: released.length },
      now,
      before,
    );
    if (data.close) {
      after = await requestSteps.transition(
        tx,
        actor,
        after,
        {
          action: 'close',
          changes: { closedAt: now },
          event: { kind: 'CLOSED', public: true },
          audit: 'closed',
        },
        now,
      );
    }
    if (after.email) {
      await queueMail(
        tx,
        office.id,
        {
          to: after.email,
          ...requestDeliveredMail({
            requesterName: after.requesterName,
            officeName: office.name,
            number: after.number,
            deliveryText: DELIVERY_KIND_ID[data.kind],
            items,
            downloadUrl: token ? documentsUrl(ctx.publicUrl, office.slug, token) : null,
            downloadUntilText: downloadUntil ? formatDateTime(downloadUntil, 'id', office.timezone) : null,
          }),
          template: 'request-delivered',
          entityType: 'request',
          entityId: after.id,
          ...(token ? { secrets: { values: [token], keys: ctx.keys } } : {}),
        },
        now,
      );
    }
    // The download link is a secret: the phone notice points to the tracking page instead.
    await queuePhoneNotice(
      tx,
      office.id,
      { name: after.requesterName, phone: after.phoneE164 ?? after.phone },
      office.name,
      { kind: 'request-delivered', number: after.number, deliveryText: DELIVERY_KIND_ID[data.kind] },
      { entityType: 'request', entityId: after.id, url: trackingUrl(ctx.publicUrl, office.slug) },
      now,
    );
    return after;
  });
}
