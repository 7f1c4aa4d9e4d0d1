import type { Ctx } from '../../platform/context.ts';
import { decryptText, type KeyRing } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { readFileContent, type FileStore } from '../../platform/storage/file-store.ts';
import type { Actor } from '../access/actor.ts';
import { readAuditedCaseFile } from '../casework/case-files.ts';
import { canRequests, hasRole } from '../access/permissions.ts';
import { listUnits, type Office, type Unit } from '../offices/queries.ts';
import type { GroupMember } from './request-input.ts';
import {
  findDecision,
  findDelivery,
  findExtension,
  listDispositionFiles,
  listDispositions,
  listEvents,
  listFees,
  listIdentityDocuments,
  listReleasedFiles,
  listRequestsByNikIndex,
  type DecisionRow,
  type DeliveryRow,
  type DispositionRow,
  type EventRow,
  type ExtensionRow,
  type FeeRow,
  type FileRef,
  type RequestRow,
} from './queries.ts';
import { resolveRequestAccess } from './request-access.ts';
import { documentKindsOf, type DocumentKind } from './request-documents.ts';

export interface StaffRequestView {
  office: Office;
  request: RequestRow;
  /** Name, address and contact: the desk and the PPID roles (not a unit). */
  showRequester: boolean;
  /** NIK, members and identity scans: the office's PPID roles only. */
  identity: {
    nik: string | null;
    members: GroupMember[];
    documents: (FileRef & { kind: string })[];
    otherRequests: RequestRow[];
  } | null;
  identityDocumentCount: number;
  events: EventRow[];
  dispositions: (DispositionRow & { unit: Unit | undefined; files: FileRef[] })[];
  decision: DecisionRow | undefined;
  extension: ExtensionRow | undefined;
  delivery: DeliveryRow | undefined;
  fees: FeeRow[];
  releasedFiles: FileRef[];
  documents: DocumentKind[];
  units: Unit[];
}

/** Everything the request page shows to this actor, and nothing more. */
export async function readRequestForStaff(
  ctx: Ctx & { keys: KeyRing },
  actor: Actor,
  input: { officeId: string; requestId: string },
): Promise<StaffRequestView> {
  const { office, request } = await resolveRequestAccess(ctx, { kind: 'staff', actor, ...input });
  const desk =
    hasRole(actor, office, 'PPID', 'ATASAN_PPID', 'PETUGAS_LAYANAN') ||
    actor.kind === 'cli' ||
    actor.kind === 'system';
  const seeIdentity = canRequests.viewRequesterIdentity(actor, office);
  const [
    events,
    dispositions,
    decision,
    extension,
    delivery,
    fees,
    releasedFiles,
    units,
    identityDocs,
    otherRequests,
  ] = await Promise.all([
    listEvents(ctx.db, office.id, request.id, false),
    listDispositions(ctx.db, office.id, request.id),
    findDecision(ctx.db, office.id, request.id, request.round),
    findExtension(ctx.db, office.id, request.id),
    findDelivery(ctx.db, office.id, request.id, request.round),
    listFees(ctx.db, office.id, request.id),
    listReleasedFiles(ctx.db, office.id, request.id),
    listUnits(ctx.db, office.id, true),
    listIdentityDocuments(ctx.db, office.id, request.id),
    seeIdentity && request.nikBlindIndex
      ? listRequestsByNikIndex(ctx.db, office.id, request.nikBlindIndex, request.id)
      : Promise.resolve([]),
  ]);
  // A PPID Pembantu sees its own unit's dispositions only.
  const ownUnits = actor.roles
    .filter((r) => r.officeId === office.id && r.role === 'PPID_PEMBANTU')
    .map((r) => r.unitId);
  const visible = desk ? dispositions : dispositions.filter((d) => ownUnits.includes(d.unitId));
  const files = await listDispositionFiles(
    ctx.db,
    office.id,
    visible.map((d) => d.id),
  );
  let identity: StaffRequestView['identity'] = null;
  if (seeIdentity) {
    identity = {
      nik: request.nikEncrypted ? decryptText(ctx.keys, request.nikEncrypted) : null,
      members: request.membersEncrypted
        ? (JSON.parse(decryptText(ctx.keys, request.membersEncrypted)) as GroupMember[])
        : [],
      documents: identityDocs,
      otherRequests,
    };
  }
  return {
    office,
    request,
    showRequester: desk,
    identity,
    identityDocumentCount: identityDocs.length,
    events,
    dispositions: visible.map((d) => ({
      ...d,
      unit: units.find((u) => u.id === d.unitId),
      files: files.filter((f) => f.dispositionId === d.id),
    })),
    decision,
    extension,
    delivery,
    fees,
    releasedFiles,
    // The letters come from the decision, extension and delivery read above (not read again).
    documents: documentKindsOf(request, { decision, extension, delivery }),
    units: units.filter((u) => u.active),
  };
}

/** An identity scan, decrypted for the office's PPID roles; each opening is audited. */
export async function readIdentityDocument(
  ctx: Ctx & { files: FileStore },
  actor: Actor,
  input: { officeId: string; requestId: string; fileId: string },
): Promise<{ name: string; mediaType: string; bytes: Buffer }> {
  const { office, request } = await resolveRequestAccess(ctx, {
    kind: 'staff',
    actor,
    officeId: input.officeId,
    requestId: input.requestId,
  });
  if (!canRequests.viewRequesterIdentity(actor, office)) throw AppError.forbidden();
  const docs = await listIdentityDocuments(ctx.db, office.id, request.id);
  const doc = docs.find((d) => d.fileId === input.fileId);
  if (!doc) throw AppError.notFound();
  return readAuditedCaseFile(
    ctx,
    actor,
    { officeId: office.id, ...doc },
    {
      action: 'request.identity_viewed',
      entityType: 'request',
      entityId: request.id,
      after: { number: request.number, kind: doc.kind },
    },
  );
}

/** A file a unit attached to its answer, or a released file, for staff who may see the request. */
export async function readRequestFile(
  ctx: Ctx & { files: FileStore },
  actor: Actor,
  input: { officeId: string; requestId: string; fileId: string },
): Promise<{ name: string; mediaType: string; bytes: Buffer }> {
  const { office, request } = await resolveRequestAccess(ctx, {
    kind: 'staff',
    actor,
    officeId: input.officeId,
    requestId: input.requestId,
  });
  const [released, dispositions] = await Promise.all([
    listReleasedFiles(ctx.db, office.id, request.id),
    listDispositions(ctx.db, office.id, request.id),
  ]);
  const unitFiles = await listDispositionFiles(
    ctx.db,
    office.id,
    dispositions.map((d) => d.id),
  );
  const ref: FileRef | undefined =
    released.find((f) => f.fileId === input.fileId) ?? unitFiles.find((f) => f.fileId === input.fileId);
  if (!ref) throw AppError.notFound();
  const content = await readFileContent(ctx.db, ctx.files, office.id, ref.fileId);
  if (!content) throw AppError.notFound();
  return { name: ref.name, mediaType: ref.mediaType, bytes: content.bytes };
}
