import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { readFileContent, type FileStore } from '../../platform/storage/file-store.ts';
import { recordLineText, redactionRecord } from '../redaction/redaction-record.ts';
import { releaseCopy } from '../redaction/release-copy.ts';
import { trackingUrl } from './links.ts';
import { renderDecisionNoticePdf } from './pdf/decision-notice-pdf.ts';
import { renderDeliveryReceiptPdf } from './pdf/delivery-receipt-pdf.ts';
import { renderExtensionLetterPdf } from './pdf/extension-letter-pdf.ts';
import { renderIncompleteNoticePdf } from './pdf/incomplete-notice-pdf.ts';
import { renderReceiptPdf } from './pdf/receipt-pdf.ts';
import { renderRefusalDecreePdf } from './pdf/refusal-decree-pdf.ts';
import { citedBasisOf } from '../exemptions/refusal-basis.ts';
import {
  findDecision,
  findDelivery,
  findExtension,
  listEvents,
  listFees,
  listReleasedFiles,
  type DecisionRow,
  type DeliveryRow,
  type ExtensionRow,
  type FileRef,
  type RequestRow,
} from './queries.ts';
import { resolveRequestAccess, type RequestAccess } from './request-access.ts';
import { letterheadLogo } from '../casework/case-files.ts';

// The letters of a request are drawn from rows that are written once when each letter is
// issued (with the letterhead frozen in them), so a download always shows what was issued.

export const DOCUMENT_KINDS = [
  'tanda-terima',
  'pemberitahuan-kekurangan',
  'perpanjangan-waktu',
  'pemberitahuan-tertulis',
  'sk-penolakan',
  'tanda-bukti-penyerahan',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(v: string): v is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(v);
}

/** Which letters exist for this request now (the notice and hand-over of its current round). */
export async function availableDocuments(ctx: Ctx, request: RequestRow): Promise<DocumentKind[]> {
  const [decision, extension, delivery] = await Promise.all([
    findDecision(ctx.db, request.officeId, request.id, request.round),
    findExtension(ctx.db, request.officeId, request.id),
    findDelivery(ctx.db, request.officeId, request.id, request.round),
  ]);
  return documentKindsOf(request, { decision, extension, delivery });
}

/** The letters a request has, from its decision, extension and delivery as already read. */
export function documentKindsOf(
  request: RequestRow,
  rows: {
    decision: DecisionRow | undefined;
    extension: ExtensionRow | undefined;
    delivery: DeliveryRow | undefined;
  },
): DocumentKind[] {
  const { decision, extension, delivery } = rows;
  const kinds: DocumentKind[] = ['tanda-terima'];
  if (request.incompleteAt) kinds.push('pemberitahuan-kekurangan');
  if (extension) kinds.push('perpanjangan-waktu');
  if (decision) kinds.push('pemberitahuan-tertulis');
  if (decision?.outcome === 'REFUSED_EXEMPT') kinds.push('sk-penolakan');
  if (delivery) kinds.push('tanda-bukti-penyerahan');
  return kinds;
}

export interface RenderedDocument {
  filename: string;
  bytes: Buffer;
}

/**
 * Draws one letter of a request, after checking the access. The notice, refusal decree and
 * proof of delivery are those of the current round unless an earlier `round` is asked for (a
 * reopened request keeps the letters of each round: the objection and the dispute cite them).
 */
export async function renderRequestDocument(
  ctx: Ctx & { files: FileStore; publicUrl: string },
  access: RequestAccess,
  kind: DocumentKind,
  round?: number,
): Promise<RenderedDocument> {
  const { office, request } = await resolveRequestAccess(ctx, access);
  const r = round ?? request.round;
  if (!Number.isInteger(r) || r < 1 || r > request.round) throw AppError.notFound();
  const filename = `${kind}-${request.number.replace(/[^A-Za-z0-9.-]+/g, '-')}${r === request.round ? '' : `-putaran-${r}`}.pdf`;
  switch (kind) {
    case 'tanda-terima':
      return {
        filename,
        bytes: await renderReceiptPdf({
          request,
          logoPng: await letterheadLogo(ctx, office.id, request.issuedBy),
          trackingUrl: trackingUrl(ctx.publicUrl, office.slug),
        }),
      };
    case 'pemberitahuan-kekurangan': {
      if (!request.incompleteAt) throw AppError.notFound();
      const events = await listEvents(ctx.db, office.id, request.id, true);
      const officer = [...events].reverse().find((e) => e.kind === 'INCOMPLETE')?.data.officer;
      return {
        filename,
        bytes: await renderIncompleteNoticePdf({
          request,
          logoPng: await letterheadLogo(ctx, office.id, request.issuedBy),
          officerName: typeof officer === 'string' ? officer : 'Petugas Layanan Informasi',
        }),
      };
    }
    case 'perpanjangan-waktu': {
      const extension = await findExtension(ctx.db, office.id, request.id);
      if (!extension) throw AppError.notFound();
      return {
        filename,
        bytes: await renderExtensionLetterPdf({
          request,
          extension,
          logoPng: await letterheadLogo(ctx, office.id, extension.issuedBy),
        }),
      };
    }
    case 'pemberitahuan-tertulis': {
      const decision = await findDecision(ctx.db, office.id, request.id, r);
      if (!decision) throw AppError.notFound();
      const [fees, released] = await Promise.all([
        listFees(ctx.db, office.id, request.id),
        listReleasedFiles(ctx.db, office.id, request.id),
      ]);
      const record = await redactionRecord(
        ctx.db,
        office.id,
        'REQUEST',
        request.id,
        new Map(released.map((f) => [f.fileId, f.name])),
      );
      return {
        filename,
        bytes: await renderDecisionNoticePdf({
          request,
          decision,
          fees,
          logoPng: await letterheadLogo(ctx, office.id, decision.issuedBy),
          redactionRecord: record.map(recordLineText),
        }),
      };
    }
    case 'sk-penolakan': {
      const decision = await findDecision(ctx.db, office.id, request.id, r);
      if (!decision || decision.outcome !== 'REFUSED_EXEMPT') throw AppError.notFound();
      const basis = await citedBasisOf(ctx.db, decision);
      return {
        filename,
        bytes: await renderRefusalDecreePdf({
          request,
          decision,
          basis,
          logoPng: await letterheadLogo(ctx, office.id, decision.issuedBy),
        }),
      };
    }
    case 'tanda-bukti-penyerahan': {
      const [decision, delivery] = await Promise.all([
        findDecision(ctx.db, office.id, request.id, r),
        findDelivery(ctx.db, office.id, request.id, r),
      ]);
      if (!decision || !delivery) throw AppError.notFound();
      return {
        filename,
        bytes: await renderDeliveryReceiptPdf({
          request,
          decision,
          delivery,
          logoPng: await letterheadLogo(ctx, office.id, delivery.issuedBy),
        }),
      };
    }
  }
}

/**
 * The released files the requester may download now: after delivery through a link, until the
 * link's date. Staff may always open them.
 */
export async function downloadableFiles(
  ctx: Ctx,
  request: RequestRow,
  audience: 'staff' | 'requester',
): Promise<{ files: FileRef[]; until: Date | null }> {
  const [delivery, files] = await Promise.all([
    findDelivery(ctx.db, request.officeId, request.id),
    listReleasedFiles(ctx.db, request.officeId, request.id),
  ]);
  if (audience === 'staff') return { files, until: delivery?.downloadUntil ?? null };
  if (!delivery?.downloadUntil || delivery.downloadUntil <= ctx.clock.now())
    return { files: [], until: null };
  return { files, until: delivery.downloadUntil };
}

/** One released file's bytes, after the same checks. */
export async function readReleasedFile(
  ctx: Ctx & { files: FileStore },
  access: RequestAccess,
  fileId: string,
): Promise<{ name: string; mediaType: string; bytes: Buffer }> {
  const { request, audience } = await resolveRequestAccess(ctx, access);
  const { files } = await downloadableFiles(ctx, request, audience);
  const ref = files.find((f) => f.fileId === fileId);
  if (!ref) throw new AppError('NOT_FOUND', 'requests.error.linkExpired');
  const content = await readFileContent(ctx.db, ctx.files, request.officeId, fileId);
  if (!content) throw AppError.notFound();
  // What leaves the office carries no metadata or hidden data (issue 14), whoever downloads it.
  return { name: ref.name, mediaType: ref.mediaType, bytes: await releaseCopy(content.bytes, ref.mediaType) };
}
