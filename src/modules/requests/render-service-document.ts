import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import type { Actor } from '../access/actor.ts';
import { getOfficeSettings, listUnits } from '../offices/queries.ts';
import { findUserByEmail } from '../people/queries.ts';
import { issuedByOf } from './officer.ts';
import { renderDispositionSheetPdf } from './pdf/disposition-sheet-pdf.ts';
import { renderRequestFormPdf } from './pdf/request-form-pdf.ts';
import { findDisposition } from './queries.ts';
import { resolveRequestAccess } from './request-access.ts';
import { activeOffice } from './request-steps.ts';
import { letterheadLogo } from '../casework/case-files.ts';

// The paper documents of the desk that are not letters to the requester: the Model PPID-B
// form (blank for a walk-in requester, or filled from a request for the paper file) and the
// lembar disposisi of a request sent to a unit. Drawn on demand from the stored rows.

export type ServiceDocument =
  | { kind: 'blank-form'; officeId: string }
  | { kind: 'request-form'; actor: Actor; officeId: string; requestId: string }
  | { kind: 'disposition'; actor: Actor; officeId: string; requestId: string; dispositionId: string };

const safeName = (number: string): string => number.replace(/[^A-Za-z0-9.-]+/g, '-');

/** Draws one desk document after checking access (the blank form is public). */
export async function renderServiceDocument(
  ctx: Ctx & { files: FileStore },
  doc: ServiceDocument,
): Promise<{ filename: string; bytes: Buffer }> {
  if (doc.kind === 'blank-form') {
    const office = await activeOffice(ctx.db, doc.officeId);
    const issuedBy = issuedByOf(office, await getOfficeSettings(ctx.db, office.id));
    const bytes = await renderRequestFormPdf({
      issuedBy,
      logoPng: await letterheadLogo(ctx, office.id, issuedBy),
      request: null,
    });
    return { filename: `formulir-ppid-b-${office.slug}.pdf`, bytes };
  }
  const { office, request } = await resolveRequestAccess(ctx, {
    kind: 'staff',
    actor: doc.actor,
    officeId: doc.officeId,
    requestId: doc.requestId,
  });
  const logoPng = await letterheadLogo(ctx, office.id, request.issuedBy);
  if (doc.kind === 'request-form') {
    return {
      filename: `formulir-ppid-b-${safeName(request.number)}.pdf`,
      bytes: await renderRequestFormPdf({ issuedBy: request.issuedBy, logoPng, request }),
    };
  }
  const disposition = await findDisposition(ctx.db, office.id, doc.dispositionId);
  if (!disposition || disposition.requestId !== request.id) throw AppError.notFound();
  const unit = (await listUnits(ctx.db, office.id, true)).find((u) => u.id === disposition.unitId);
  // sent_by / answered_by hold the actor label (a user's email); letters print the person's name
  const nameOf = async (label: string) => {
    const user = await findUserByEmail(ctx.db, label);
    return user ? { name: user.name, nip: user.nip } : { name: label, nip: null };
  };
  const bytes = await renderDispositionSheetPdf({
    request,
    disposition,
    unitName: unit?.name ?? '—',
    sender: await nameOf(disposition.sentBy),
    answeredByName: disposition.answeredBy ? (await nameOf(disposition.answeredBy)).name : null,
    logoPng,
  });
  return { filename: `disposisi-${safeName(request.number)}-${safeName(unit?.name ?? 'unit')}.pdf`, bytes };
}
