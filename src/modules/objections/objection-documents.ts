import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import type { Actor } from '../access/actor.ts';
import { canObjections } from '../access/permissions.ts';
import { getOfficeSettings, type Office } from '../offices/queries.ts';
import { commissionOf } from './commission.ts';
import { objectionTrackingUrl } from './links.ts';
import { letterheadLogo, readAuditedCaseFile } from '../casework/case-files.ts';
import { resolveObjectionAccess, type ObjectionAccess } from './objection-access.ts';
import { renderObjectionAnswerPdf } from './pdf/objection-answer-pdf.ts';
import { renderObjectionFormPdf } from './pdf/objection-form-pdf.ts';
import { findObjectionDecision, listObjectionDocuments, type ObjectionRow } from './queries.ts';

// The letters of an objection are drawn from rows written once (the objection itself, the
// decision), with the letterhead frozen in them.

export const OBJECTION_DOCUMENT_KINDS = ['pernyataan-keberatan', 'tanggapan-atasan-ppid'] as const;
export type ObjectionDocumentKind = (typeof OBJECTION_DOCUMENT_KINDS)[number];

export function isObjectionDocumentKind(v: string): v is ObjectionDocumentKind {
  return (OBJECTION_DOCUMENT_KINDS as readonly string[]).includes(v);
}

export async function availableObjectionDocuments(
  ctx: Ctx,
  objection: ObjectionRow,
): Promise<ObjectionDocumentKind[]> {
  const decision = await findObjectionDecision(ctx.db, objection.officeId, objection.id);
  return decision ? ['pernyataan-keberatan', 'tanggapan-atasan-ppid'] : ['pernyataan-keberatan'];
}

export const objectionFilename = (kind: string, number: string) =>
  `${kind}-${number.replace(/[^A-Za-z0-9.-]+/g, '-')}.pdf`;

/** Draws one letter of an objection for an office (callers check access first). */
export async function drawObjectionDocument(
  ctx: Ctx & { files: FileStore; publicUrl: string },
  office: Office,
  objection: ObjectionRow,
  kind: ObjectionDocumentKind,
): Promise<Buffer> {
  if (kind === 'pernyataan-keberatan') {
    return renderObjectionFormPdf({
      objection,
      logoPng: await letterheadLogo(ctx, office.id, objection.issuedBy),
      trackingUrl: objectionTrackingUrl(ctx.publicUrl, office.slug),
    });
  }
  const decision = await findObjectionDecision(ctx.db, office.id, objection.id);
  if (!decision) throw AppError.notFound();
  const commission = await commissionOf(ctx.db, office, await getOfficeSettings(ctx.db, office.id));
  return renderObjectionAnswerPdf({
    objection,
    decision,
    commissionName: commission.name,
    logoPng: await letterheadLogo(ctx, office.id, decision.issuedBy),
  });
}

/** One letter of an objection, after checking the access (staff, or the requester's tracking code). */
export async function renderObjectionDocument(
  ctx: Ctx & { files: FileStore; publicUrl: string },
  access: ObjectionAccess,
  kind: ObjectionDocumentKind,
): Promise<{ filename: string; bytes: Buffer }> {
  const { office, objection } = await resolveObjectionAccess(ctx, access);
  return {
    filename: objectionFilename(kind, objection.number),
    bytes: await drawObjectionDocument(ctx, office, objection, kind),
  };
}

/** The attorney's surat kuasa khusus, decrypted for the office's PPID roles; each opening is audited. */
export async function readPowerOfAttorney(
  ctx: Ctx & { files: FileStore },
  actor: Actor,
  input: { officeId: string; objectionId: string; fileId: string },
): Promise<{ name: string; mediaType: string; bytes: Buffer }> {
  const { office, objection } = await resolveObjectionAccess(ctx, {
    kind: 'staff',
    actor,
    officeId: input.officeId,
    objectionId: input.objectionId,
  });
  if (!canObjections.viewObjectionIdentity(actor, office)) throw AppError.forbidden();
  const doc = (await listObjectionDocuments(ctx.db, office.id, objection.id)).find(
    (d) => d.fileId === input.fileId,
  );
  if (!doc) throw AppError.notFound();
  return readAuditedCaseFile(
    ctx,
    actor,
    { officeId: office.id, ...doc },
    {
      action: 'objection.power_of_attorney_viewed',
      entityType: 'objection',
      entityId: objection.id,
      after: { number: objection.number },
    },
  );
}
