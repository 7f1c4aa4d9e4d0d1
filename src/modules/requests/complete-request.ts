import { formatDate } from '../../platform/i18n.ts';
import { withFileUnit } from '../../platform/storage/file-store.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import { computeDueDate } from '../calendar/working-days.ts';
import { getOfficeSettings } from '../offices/queries.ts';
import { staffRequestUpdateMail } from './emails/staff-request-update-mail.ts';
import { staffRequestUrl } from './links.ts';
import type { RequestRow } from './queries.ts';
import { staffEmails } from './recipients.ts';
import { activeOffice, eventActorLabel, loadRequest, requestSteps } from './request-steps.ts';
import { checkRequesterOrDesk } from './requester-proof.ts';
import type { RequestsCtx } from './requests-ctx.ts';
import { type DueExplanation } from './schema.ts';
import { IDENTITY_FIELDS } from './uploads.ts';
import { checkUploads, IDENTITY_MAX_BYTES, saveUploads, type Upload } from './uploads.ts';
import { addIdentityDocuments } from './write-queries.ts';

/**
 * The requester supplies what was missing. The request goes back to the desk for another
 * completeness check. Whether the period restarts from now is the office's setting
 * `restartClockOnCompletion` (on by default): a KPU practice (regulation.md §3.2, KPU Papua
 * Barat Daya), not UU 14/2008 Pasal 22(7); off, the first due date stands.
 */
export async function completeRequest(
  ctx: RequestsCtx,
  actor: Actor,
  input: {
    officeId: string;
    requestId: string;
    trackingCode?: string | undefined;
    note?: string | undefined;
    uploads: Upload[];
  },
): Promise<RequestRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  const current = await loadRequest(ctx.db, office.id, input.requestId);
  checkRequesterOrDesk(actor, office, current, input.trackingCode);
  const note = input.note?.trim().slice(0, 2000) ?? '';
  if (!note && input.uploads.length === 0) throw AppError.field('note', 'validation.completionEmpty');
  if (input.uploads.some((u) => !IDENTITY_FIELDS[u.field]))
    throw AppError.field('files', 'validation.unknownField');
  const maxBytes = Math.min(IDENTITY_MAX_BYTES, ctx.uploadMaxBytes);
  await checkUploads(input.uploads, 'identity', maxBytes);
  const now = ctx.clock.now();
  const [settings, calendar] = await Promise.all([
    getOfficeSettings(ctx.db, office.id),
    loadOfficeCalendar(ctx.db, office),
  ]);
  const due = computeDueDate(calendar, {
    receivedAt: now,
    workingDays: current.responseDays,
    timeZone: office.timezone,
    cutoff: settings.cutoff,
    counting: settings.dayCounting,
  });
  const restart = settings.requests.restartClockOnCompletion;
  const explanation: DueExplanation = {
    profile: current.deadlineProfile,
    workingDays: current.responseDays,
    receivedOn: due.receivedOn,
    dueDate: due.dueDate,
    skipped: due.skipped,
    warnings: due.warnings,
  };
  const actorLabel = eventActorLabel(actor);
  return withFileUnit(ctx.db, ctx.files, (files) =>
    ctx.db.transaction(async (tx) => {
      const before = await loadRequest(tx, office.id, input.requestId);
      const saved = await saveUploads(tx, files, input.uploads, {
        officeId: office.id,
        purpose: 'identity',
        maxBytes,
        encrypt: true,
        createdBy: actorLabel,
        now,
      });
      const dueDate = restart ? due.dueDate : before.dueDate;
      const after = await requestSteps.transition(
        tx,
        actor,
        before,
        {
          action: 'complete',
          changes: restart
            ? {
                receivedOn: due.receivedOn,
                dueDate: due.dueDate,
                dueExplanation: explanation,
                completionDueDate: null,
              }
            : { completionDueDate: null },
          event: {
            kind: 'COMPLETED',
            public: true,
            data: { files: saved.length, dueDate, note: note || null },
          },
          audit: 'completed',
          facts: { files: saved.length, dueDate, clockRestarted: restart },
        },
        now,
      );
      await addIdentityDocuments(tx, after, saved, input.uploads, now);
      const mail = staffRequestUpdateMail({
        officeName: office.name,
        number: after.number,
        what: restart
          ? `Pemohon telah melengkapi permohonan; tenggat baru ${formatDate(due.dueDate, 'id')}`
          : `Pemohon telah melengkapi permohonan; tenggat tetap ${formatDate(after.dueDate, 'id')}`,
        requestUrl: staffRequestUrl(ctx.publicUrl, office.slug, after.id),
      });
      for (const to of await staffEmails(tx, office, ['PETUGAS_LAYANAN', 'PPID'], now)) {
        await queueMail(
          tx,
          office.id,
          { to, ...mail, template: 'staff-request-completed', entityType: 'request', entityId: after.id },
          now,
        );
      }
      return after;
    }),
  );
}
