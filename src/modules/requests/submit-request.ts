import { randomUUID } from 'node:crypto';
import { withFileUnit, type StoredFile } from '../../platform/storage/file-store.ts';
import type { Db } from '../../platform/db/database.ts';
import { blindIndex, decryptText, encryptText, randomToken, sha256Hex } from '../../platform/crypto.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { formatDate, formatDateTime } from '../../platform/i18n.ts';
import { queueMails, type OutgoingMail } from '../../platform/mail/mailer.ts';
import { canonicalJson } from '../../platform/audit/audit.ts';
import { fieldErrorsOf } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests } from '../access/permissions.ts';
import { activeElectionPeriod } from '../calendar/election-periods.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import { computeDueDate, instantOfLocal, localDateTime } from '../calendar/working-days.ts';
import { findOfficeById, getOfficeSettings, listOffices, type Office } from '../offices/queries.ts';
import { deadlineProfileFor } from './deadline-profile.ts';
import { staffNewRequestMail } from './emails/staff-new-request-mail.ts';
import { requestReceivedMail } from './emails/request-received-mail.ts';
import { explainDueId } from './explain-due.ts';
import { CATEGORY_ID, CHANNEL_ID } from './labels-id.ts';
import { documentsUrl, staffRequestUrl, trackingUrl } from './links.ts';
import { maskNik, nikProblem, normalizeNik } from './nik.ts';
import { issuedByOf, officerOf } from './officer.ts';
import { phoneToE164 } from './phone.ts';
import { requesterPhoneMail } from './phone-notices.ts';
import { staffEmails } from './recipients.ts';
import { crossFieldProblems, parseMembers, requestInput, type RequestInput } from './request-input.ts';
import { auditRequest, eventActorLabel } from './request-steps.ts';
import type { CaseEvent } from '../casework/case-steps.ts';
import { insertReceiptRows } from './intake-queries.ts';
import type { RequestsCtx } from './requests-ctx.ts';
import { registrationNumberFor, registrationYear } from './registration-number.ts';
import type { Channel, DueExplanation, requests } from './schema.ts';
import { hashTrackingCode, newTrackingCode } from './tracking-code.ts';
import { checkUploads, IDENTITY_MAX_BYTES, saveUploads, type Upload, IDENTITY_FIELDS } from './uploads.ts';
import {
  nextRequestSeq,
  insertRequest,
  claimIdempotencyKey,
  findIdempotencyKey,
  storeIdempotentResponse,
} from './write-queries.ts';
import type { RequestRow } from './queries.ts';

export { IDENTITY_FIELDS } from './uploads.ts';

// What the online form asks for per requester type (seed 002 step 1: "kartu identitas, akte
// notaris, dokumen pengesahan"; a group adds its surat kuasa and members' KTP).
const REQUIRED_ONLINE: Record<RequestInput['requesterType'], string[]> = {
  PERORANGAN: ['identityFile'],
  KELOMPOK: ['identityFile', 'powerOfAttorneyFile', 'memberIdentityFiles'],
  BADAN_HUKUM: ['deedFile'],
};

const DESK_CHANNELS: Channel[] = ['WALK_IN', 'LETTER', 'EMAIL', 'PHONE', 'FAX'];

/** How long the link to the receipt (and later the released files) given at submission works. */
const DOCUMENT_LINK_DAYS = 90;
/** A letter may be entered late, but not from an earlier quarter. */
const MAX_BACKDATE_DAYS = 90;

export interface SubmitRequestInput {
  officeId: string;
  channel: Channel;
  data: Record<string, unknown>;
  uploads: Upload[];
  idempotencyKey?: string | undefined;
  /** Desk intake: when the office received it, local 'YYYY-MM-DDTHH:MM' (default now). */
  receivedAtLocal?: string | undefined;
  /** Desk intake through the API: the same as an instant. */
  receivedAt?: Date | undefined;
  /** Desk intake: why the received date is earlier than today (a letter, a weekend fax …). */
  receivedNote?: string | undefined;
  /** Desk intake: completeness checked on the spot, register at once. */
  markComplete?: boolean | undefined;
}

export interface SubmittedRequest {
  requestId: string;
  number: string;
  status: string;
  receivedAt: string;
  dueDate: string;
  trackingCode: string;
  /** Opens the requester's documents page (receipt now, released files after delivery). */
  documentsToken: string;
  /** True when an Idempotency-Key retry returned the first answer. */
  replayed: boolean;
}

async function provinceCodes(db: Db): Promise<Set<string>> {
  return new Set((await listOffices(db, { level: 'PROVINSI', includeInactive: true })).map((o) => o.code));
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)));
}

/** Every problem with the form, at once; the parsed input when there is none. */
async function validate(ctx: RequestsCtx, input: SubmitRequestInput, office: Office, now: Date) {
  const parsed = requestInput.safeParse(input.data);
  const errors: FieldError[] = parsed.success ? [] : fieldErrorsOf(parsed.error);
  errors.push(...crossFieldProblems(input.data));
  let members: { name: string; nik: string }[] = [];
  const codes = await provinceCodes(ctx.db);
  // The NIK is checked even when other fields failed, so every problem shows at once.
  const rawNik = typeof input.data.nik === 'string' ? normalizeNik(input.data.nik) : '';
  if (rawNik) {
    const problem = nikProblem(rawNik, codes);
    if (problem) errors.unshift({ field: 'nik', key: problem });
  }
  if (parsed.success) {
    if (parsed.data.requesterType === 'KELOMPOK' && parsed.data.members) {
      const { members: list, badLines } = parseMembers(parsed.data.members);
      const badNik = list.findIndex((m) => nikProblem(m.nik, codes) !== undefined);
      if (badLines.length > 0)
        errors.push({ field: 'members', key: 'validation.membersLine', params: { line: badLines[0]! } });
      else if (badNik >= 0)
        errors.push({ field: 'members', key: 'validation.membersNik', params: { name: list[badNik]!.name } });
      else if (list.length === 0) errors.push({ field: 'members', key: 'validation.membersRequired' });
      members = list;
    }
  }
  const unknownField = input.uploads.find((u) => !IDENTITY_FIELDS[u.field]);
  if (unknownField) errors.push({ field: unknownField.field, key: 'validation.unknownField' });
  const rawType = input.data.requesterType;
  if (input.channel === 'WEB' && typeof rawType === 'string' && rawType in REQUIRED_ONLINE) {
    for (const field of REQUIRED_ONLINE[rawType as RequestInput['requesterType']]) {
      if (!input.uploads.some((u) => u.field === field))
        errors.push({ field, key: 'validation.documentRequired' });
    }
  }
  let receivedAt = now;
  if (DESK_CHANNELS.includes(input.channel) && (input.receivedAtLocal || input.receivedAt)) {
    const at = input.receivedAt ?? instantOfLocal(input.receivedAtLocal!, office.timezone);
    const earliest = new Date(now.getTime() - MAX_BACKDATE_DAYS * 86_400_000);
    if (!at) errors.push({ field: 'receivedAt', key: 'validation.datetimeLocal' });
    else if (at.getTime() > now.getTime() + 60_000)
      errors.push({ field: 'receivedAt', key: 'validation.receivedInFuture' });
    else if (at < earliest)
      errors.push({
        field: 'receivedAt',
        key: 'validation.receivedTooOld',
        params: { days: MAX_BACKDATE_DAYS },
      });
    else {
      receivedAt = at;
      const today = localDateTime(now, office.timezone).date;
      if (localDateTime(at, office.timezone).date < today && !input.receivedNote?.trim()) {
        errors.push({ field: 'receivedNote', key: 'validation.receivedNoteRequired' });
      }
    }
  }
  if (errors.length > 0 || !parsed.success) throw AppError.validation(dedupe(errors));
  await checkUploads(input.uploads, 'identity', Math.min(IDENTITY_MAX_BYTES, ctx.uploadMaxBytes));
  // The JSON API takes a request without the scans the web form requires (ADR 0042): it
  // serves desk and partner systems that have seen the identity themselves, and the desk
  // asks for what is missing at registration. What was missing is recorded on the request.
  const missingDocuments =
    input.channel === 'API'
      ? REQUIRED_ONLINE[parsed.data.requesterType].filter(
          (field) => !input.uploads.some((u) => u.field === field),
        )
      : [];
  return { data: parsed.data, members, receivedAt, missingDocuments };
}

/** Same body, same files: the same submission (for Idempotency-Key). */
function fingerprintOf(input: SubmitRequestInput): string {
  return sha256Hex(
    canonicalJson({
      channel: input.channel,
      data: input.data,
      files: input.uploads.map((u) => [u.field, sha256Hex(u.bytes)]),
    }),
  );
}

type Form = Awaited<ReturnType<typeof validate>>;
type RequestValues = Omit<typeof requests.$inferInsert, 'number' | 'year' | 'seq'>;

/** Step 1: the office, and who may submit through which channel. */
async function intakeOffice(
  ctx: RequestsCtx,
  actor: Actor,
  input: SubmitRequestInput,
): Promise<{ office: Office; atDesk: boolean }> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office || !office.active) throw AppError.notFound();
  const atDesk = DESK_CHANNELS.includes(input.channel);
  if (atDesk && !canRequests.intakeRequests(actor, office)) throw AppError.forbidden();
  if (!atDesk && input.markComplete) throw AppError.forbidden();
  return { office, atDesk };
}

/** Step 3: what the office's settings, calendar and the election period say about this request. */
async function intakeContext(ctx: RequestsCtx, actor: Actor, office: Office, form: Form) {
  const [settings, calendar, officer, staff, electionPeriod] = await Promise.all([
    getOfficeSettings(ctx.db, office.id),
    loadOfficeCalendar(ctx.db, office),
    officerOf(ctx.db, actor),
    staffEmails(ctx.db, office, ['PPID', 'PETUGAS_LAYANAN'], ctx.clock.now()),
    activeElectionPeriod(ctx.db, localDateTime(form.receivedAt, office.timezone).date),
  ]);
  const numbers = deadlineProfileFor(form.data.category, settings.requests, electionPeriod !== undefined);
  const due = computeDueDate(calendar, {
    receivedAt: form.receivedAt,
    workingDays: numbers.responseDays,
    timeZone: office.timezone,
    cutoff: settings.cutoff,
    counting: settings.dayCounting,
  });
  const explanation: DueExplanation = {
    profile: numbers.profile,
    workingDays: numbers.responseDays,
    receivedOn: due.receivedOn,
    dueDate: due.dueDate,
    skipped: due.skipped,
    warnings: due.warnings,
  };
  return { settings, officer, staff, numbers, due, explanation };
}
type IntakeContext = Awaited<ReturnType<typeof intakeContext>>;

/**
 * Step 4, before any lock: the request row as it will be stored — NIK and members encrypted,
 * blind index and tracking code hashed — everything but the number.
 */
function requestValues(
  ctx: RequestsCtx,
  actor: Actor,
  office: Office,
  input: SubmitRequestInput,
  form: Form,
  c: IntakeContext,
  trackingCode: string,
  now: Date,
): RequestValues {
  const { data, members, receivedAt } = form;
  const registerNow = DESK_CHANNELS.includes(input.channel) && input.markComplete === true;
  return {
    officeId: office.id,
    status: registerNow ? 'REGISTERED' : 'RECEIVED',
    channel: input.channel,
    receivedAt,
    receivedNote: input.receivedNote?.trim() || null,
    createdAt: now,
    intakeBy: eventActorLabel(actor),
    intakeOfficerName: c.officer.name,
    requesterType: data.requesterType,
    requesterName: data.name,
    representativeName: data.representativeName ?? null,
    legalDocumentNumber: data.legalDocumentNumber ?? null,
    nikEncrypted: data.nik ? encryptText(ctx.keys, data.nik) : null,
    nikBlindIndex: data.nik ? blindIndex(ctx.keys, data.nik) : null,
    nikMasked: data.nik ? maskNik(data.nik) : null,
    membersEncrypted: members.length > 0 ? encryptText(ctx.keys, JSON.stringify(members)) : null,
    address: data.address,
    occupation: data.occupation ?? null,
    phone: data.phone ?? null,
    phoneE164: phoneToE164(data.phone),
    email: data.email ?? null,
    informationRequested: data.informationRequested,
    purpose: data.purpose,
    category: data.category,
    accessMethods: data.accessMethods,
    deliveryMethod: data.deliveryMethod,
    consentAt: data.consent ? now : null,
    trackingCodeHash: hashTrackingCode(trackingCode),
    deadlineProfile: c.numbers.profile,
    responseDays: c.numbers.responseDays,
    extensionDays: c.numbers.extensionDays,
    receivedOn: c.due.receivedOn,
    dueDate: c.due.dueDate,
    dueExplanation: c.explanation,
    issuedBy: issuedByOf(office, c.settings),
    updatedAt: now,
  };
}

/** Step 7, taking the numbering lock: the number, the row. */
async function numberAndInsert(
  tx: Db,
  office: Office,
  c: IntakeContext,
  values: RequestValues & { id: string },
  now: Date,
): Promise<RequestRow> {
  // The counter row stays locked until commit: concurrent submissions to this office, from
  // any process, queue here and get consecutive numbers; a rollback gives the number back.
  const seq = await nextRequestSeq(tx, office.id, registrationYear(now, office.timezone));
  const reg = registrationNumberFor({
    pattern: c.settings.registerNumberPattern,
    officeCode: office.code,
    seq,
    at: now,
    timeZone: office.timezone,
  });
  return insertRequest(tx, { ...values, number: reg.number, year: reg.year, seq });
}

/**
 * Step 6, before the numbering lock: what names the request only by its id — the identity
 * scans, the documents link and the timeline — in one statement.
 */
async function recordReceipt(
  tx: Db,
  actor: Actor,
  input: SubmitRequestInput,
  form: Form,
  values: RequestValues & { id: string },
  saved: StoredFile[],
  documentsToken: string,
  now: Date,
) {
  const actorLabel = eventActorLabel(actor);
  const { missingDocuments } = form;
  const events: CaseEvent[] = [
    {
      kind: 'RECEIVED',
      actorLabel,
      public: true,
      data: {
        channel: input.channel,
        ...(missingDocuments.length > 0 ? { missingDocuments: missingDocuments.join(',') } : {}),
      },
      at: now,
    },
  ];
  if (values.status === 'REGISTERED') events.push({ kind: 'REGISTERED', actorLabel, public: true, at: now });
  await insertReceiptRows(tx, {
    officeId: values.officeId,
    requestId: values.id,
    link: {
      tokenHash: sha256Hex(documentsToken),
      expiresAt: new Date(now.getTime() + DOCUMENT_LINK_DAYS * 86_400_000),
      createdAt: now,
    },
    documents: saved.map((file, i) => ({
      fileId: file.id,
      kind: IDENTITY_FIELDS[input.uploads[i]!.field]!,
      addedAt: now,
    })),
    events,
  });
}

/** Step 8, under the lock: the audit row (two round trips). */
function auditReceipt(
  tx: Db,
  actor: Actor,
  input: SubmitRequestInput,
  form: Form,
  c: IntakeContext,
  request: RequestRow,
  now: Date,
) {
  const { missingDocuments } = form;
  return auditRequest(
    tx,
    actor,
    request,
    'received',
    {
      channel: input.channel,
      dueDate: c.due.dueDate,
      registered: request.status === 'REGISTERED',
      ...(missingDocuments.length > 0 ? { missingDocuments } : {}),
    },
    now,
  );
}

/** Step 9, under the lock: the requester's receipt (with the code and the documents link) and the staff notice, in one statement. */
async function queueIntakeMails(
  tx: Db,
  ctx: RequestsCtx,
  office: Office,
  input: SubmitRequestInput,
  form: Form,
  c: IntakeContext,
  request: RequestRow,
  secrets: { trackingCode: string; documentsToken: string },
  now: Date,
) {
  const dueText = formatDate(c.due.dueDate, 'id');
  const mails: OutgoingMail[] = [];
  if (request.email) {
    mails.push({
      to: request.email,
      ...requestReceivedMail({
        requesterName: request.requesterName,
        officeName: office.name,
        number: request.number,
        trackingCode: secrets.trackingCode,
        receivedAtText: formatDateTime(form.receivedAt, 'id', office.timezone),
        channelText: CHANNEL_ID[input.channel],
        dueDateText: dueText,
        workingDays: c.numbers.responseDays,
        dueExplanation: explainDueId(c.explanation),
        trackingUrl: trackingUrl(ctx.publicUrl, office.slug),
        documentsUrl: documentsUrl(ctx.publicUrl, office.slug, secrets.documentsToken),
      }),
      template: 'request-received',
      entityType: 'request',
      entityId: request.id,
      // The code and the download token let the holder act as the requester: never readable in the outbox.
      secrets: { values: [secrets.trackingCode, secrets.documentsToken], keys: ctx.keys },
    });
  }
  // Issue 15: the same news by WhatsApp/SMS, without the code or the download link.
  const phoneNotice = requesterPhoneMail(
    { name: request.requesterName, phone: request.phoneE164 ?? request.phone },
    office.name,
    { kind: 'request-received', number: request.number, dueDateText: dueText },
    {
      entityType: 'request',
      entityId: request.id,
      url: trackingUrl(ctx.publicUrl, office.slug),
      at: now,
      dedupeKey: `request-received:${request.id}`,
    },
  );
  if (phoneNotice) mails.push(phoneNotice);
  const staffMail = staffNewRequestMail({
    officeName: office.name,
    number: request.number,
    channelText: CHANNEL_ID[input.channel],
    categoryText: CATEGORY_ID[form.data.category],
    informationRequested: form.data.informationRequested.slice(0, 500),
    dueDateText: dueText,
    requestUrl: staffRequestUrl(ctx.publicUrl, office.slug, request.id),
  });
  for (const to of c.staff) {
    mails.push({
      to,
      ...staffMail,
      template: 'staff-new-request',
      entityType: 'request',
      entityId: request.id,
    });
  }
  await queueMails(tx, office.id, mails, now);
}

/**
 * Receives an information request (UU 14/2008 Pasal 22(1)-(5)): numbers it gaplessly for the
 * office and year, computes the due date by the office calendar, stores the NIK and identity
 * scans encrypted, and queues the emails — in one transaction. The public form and the API
 * use channel WEB/API with a public actor; the desk records walk-ins, letters, emails, phone
 * calls and faxes. Everything that does not need the number (validation, deadline, hashing,
 * encryption, the stored files) is done before the numbering lock is taken.
 */
export async function submitRequest(
  ctx: RequestsCtx,
  actor: Actor,
  input: SubmitRequestInput,
): Promise<SubmittedRequest> {
  const { office } = await intakeOffice(ctx, actor, input);
  const now = ctx.clock.now();
  const form = await validate(ctx, input, office, now);
  const c = await intakeContext(ctx, actor, office, form);
  const secrets = { trackingCode: newTrackingCode(), documentsToken: randomToken(24) };
  const values = requestValues(ctx, actor, office, input, form, c, secrets.trackingCode, now);
  const fingerprint = input.idempotencyKey ? fingerprintOf(input) : '';

  return withFileUnit(ctx.db, ctx.files, (files) =>
    ctx.db.transaction(async (tx) => {
      if (
        input.idempotencyKey &&
        !(await claimIdempotencyKey(tx, office.id, input.idempotencyKey, fingerprint, now))
      ) {
        return replay(tx, ctx, office.id, input.idempotencyKey, fingerprint);
      }
      const saved = await saveUploads(tx, files, input.uploads, {
        officeId: office.id,
        purpose: 'identity',
        maxBytes: Math.min(IDENTITY_MAX_BYTES, ctx.uploadMaxBytes),
        encrypt: true,
        createdBy: eventActorLabel(actor),
        now,
      });
      const row = { ...values, id: randomUUID() };
      await recordReceipt(tx, actor, input, form, row, saved, secrets.documentsToken, now);
      // From here to commit the office's number is locked: four round trips and the commit.
      const request = await numberAndInsert(tx, office, c, row, now);
      await auditReceipt(tx, actor, input, form, c, request, now);
      await queueIntakeMails(tx, ctx, office, input, form, c, request, secrets, now);
      const result: SubmittedRequest = {
        requestId: request.id,
        number: request.number,
        status: request.status,
        receivedAt: form.receivedAt.toISOString(),
        dueDate: c.due.dueDate,
        ...secrets,
        replayed: false,
      };
      if (input.idempotencyKey)
        await storeIdempotentResponse(
          tx,
          office.id,
          input.idempotencyKey,
          request.id,
          encryptText(ctx.keys, JSON.stringify(result)),
        );
      return result;
    }),
  );
}

/** A retry with a used key: the first answer for the same body, a conflict for another body. */
async function replay(
  tx: Db,
  ctx: RequestsCtx,
  officeId: string,
  key: string,
  fingerprint: string,
): Promise<SubmittedRequest> {
  const row = await findIdempotencyKey(tx, officeId, key);
  if (!row || !row.responseEncrypted) throw AppError.conflict('requests.error.idempotencyInProgress');
  if (row.fingerprint !== fingerprint) {
    throw new AppError('UNPROCESSABLE', 'requests.error.idempotencyMismatch', {}, [
      { field: 'Idempotency-Key', key: 'validation.idempotencyMismatch' },
    ]);
  }
  return {
    ...(JSON.parse(decryptText(ctx.keys, row.responseEncrypted)) as SubmittedRequest),
    replayed: true,
  };
}
