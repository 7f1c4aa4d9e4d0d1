import { withFileUnit } from '../../platform/storage/file-store.ts';
import { randomToken, sha256Hex } from '../../platform/crypto.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { formatDate, formatDateTime } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { queuePhoneNotice } from '../requests/phone-notices.ts';
import { fieldErrorsOf } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canObjections } from '../access/permissions.ts';
import { electionProfileOn } from '../calendar/election-periods.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import {
  countsAsReceivedOn,
  instantOfLocal,
  localDateTime,
  type CalendarWarning,
} from '../calendar/working-days.ts';
import { getOfficeSettings, type Office } from '../offices/queries.ts';
import { issuedByOf, officerOf } from '../requests/officer.ts';
import {
  createDownloadLink,
  findDecision,
  findDelivery,
  findRequestByNumber,
  type RequestRow,
} from '../requests/queries.ts';
import { resolveRequestAccess } from '../requests/request-access.ts';
import { activeOffice, addEvent, eventActorLabel } from '../requests/request-steps.ts';
import type { RequestsCtx } from '../requests/requests-ctx.ts';
import { registrationNumberFor, registrationYear } from '../requests/registration-number.ts';
import { staffEmails } from '../requests/recipients.ts';
import { checkUploads, IDENTITY_MAX_BYTES, saveUploads, type Upload } from '../requests/uploads.ts';
import { objectionReceivedMail } from './emails/objection-received-mail.ts';
import { staffNewObjectionMail } from './emails/staff-new-objection-mail.ts';
import { assessFiling, groundMismatch } from './ground-dates.ts';
import { GROUND_ID, groundShortId } from './labels-id.ts';
import { objectionTrackingUrl, staffObjectionUrl } from './links.ts';
import { answerDueDate, OBJECTION_PERIODS } from './objection-deadlines.ts';
import { attorneyProblems, objectionInput, type ObjectionInput } from './objection-input.ts';
import { BLOCKING_STATUSES } from './objection-status.ts';
import { addObjectionEvent, auditObjection } from './objection-steps.ts';
import { findBlockingObjection, type ObjectionRow } from './queries.ts';
import {
  DESK_OBJECTION_CHANNELS,
  type AnswerDueExplanation,
  type GroundWindowRecord,
  type ObjectionChannel,
} from './schema.ts';
import { nextObjectionSeq, insertObjection, addObjectionDocuments } from './write-queries.ts';
import type { Db } from '../../platform/db/database.ts';

/** The one upload field: the attorney's surat kuasa khusus (Perki 1/2021 Pasal 39(3)-(4)). */
export const POWER_OF_ATTORNEY_FIELD = 'powerOfAttorneyFile';

/** A letter may be entered some days after it arrived, but not from an earlier quarter. */
const MAX_BACKDATE_DAYS = 90;

export interface FileObjectionInput {
  officeId: string;
  channel: ObjectionChannel;
  /** The request's registration number. */
  requestNumber: string;
  /** The request's tracking code: required from the public (WEB, API), not at the desk. */
  trackingCode?: string | undefined;
  data: Record<string, unknown>;
  uploads: Upload[];
  /** Desk intake: when the office received it, local 'YYYY-MM-DDTHH:MM' (default now). */
  receivedAtLocal?: string | undefined;
  receivedNote?: string | undefined;
}

export interface FiledObjection {
  objectionId: string;
  number: string;
  status: string;
  requestNumber: string;
  receivedAt: string;
  dueDate: string;
  /** Years the answer period reaches whose holiday list is not loaded (issue 13 item 1). */
  dueWarnings: CalendarWarning[];
  late: boolean;
  lateGrounds: string[];
  /** Grounds that do not match the request's state: flagged to the Atasan PPID (issue 13 item 13). */
  mismatchedGrounds: string[];
  /** Filed through the API: a link token to the objection's letters, so `receiptUrl` works as returned. */
  receiptToken: string | null;
}

/** How long the API's receipt link stays valid (as the request's own document link). */
const RECEIPT_LINK_DAYS = 90;

/** The request objected to: through its tracking code for the public, by number at the desk. */
async function requestOf(
  ctx: RequestsCtx,
  actor: Actor,
  office: Office,
  input: FileObjectionInput,
): Promise<RequestRow> {
  const number = input.requestNumber.trim();
  if (DESK_OBJECTION_CHANNELS.includes(input.channel)) {
    if (!canObjections.intakeObjections(actor, office)) throw AppError.forbidden();
    const request = number ? await findRequestByNumber(ctx.db, office.id, number) : undefined;
    if (!request) throw AppError.field('requestNumber', 'objections.validation.requestNotFound');
    return request;
  }
  // A wrong number or code answers "not found", never "forbidden" (ADR 0011).
  const { request } = await resolveRequestAccess(ctx, {
    kind: 'tracking',
    officeId: office.id,
    number,
    code: input.trackingCode ?? '',
  });
  return request;
}

function receivedAtOf(
  input: FileObjectionInput,
  office: Office,
  now: Date,
): { at: Date; errors: FieldError[] } {
  if (!DESK_OBJECTION_CHANNELS.includes(input.channel) || !input.receivedAtLocal)
    return { at: now, errors: [] };
  const at = instantOfLocal(input.receivedAtLocal, office.timezone);
  if (!at) return { at: now, errors: [{ field: 'receivedAt', key: 'validation.datetimeLocal' }] };
  if (at.getTime() > now.getTime() + 60_000)
    return { at: now, errors: [{ field: 'receivedAt', key: 'validation.receivedInFuture' }] };
  if (at.getTime() < now.getTime() - MAX_BACKDATE_DAYS * 86_400_000) {
    return {
      at: now,
      errors: [
        { field: 'receivedAt', key: 'validation.receivedTooOld', params: { days: MAX_BACKDATE_DAYS } },
      ],
    };
  }
  const earlierDay = localDateTime(at, office.timezone).date < localDateTime(now, office.timezone).date;
  if (earlierDay && !input.receivedNote?.trim())
    return { at, errors: [{ field: 'receivedNote', key: 'validation.receivedNoteRequired' }] };
  return { at, errors: [] };
}

/** Every problem of the form at once, then the files by content and size. */
async function validate(
  ctx: RequestsCtx,
  input: FileObjectionInput,
  office: Office,
  now: Date,
): Promise<{ data: ObjectionInput; receivedAt: Date }> {
  const parsed = objectionInput.safeParse(input.data);
  const errors: FieldError[] = parsed.success ? attorneyProblems(parsed.data) : fieldErrorsOf(parsed.error);
  const received = receivedAtOf(input, office, now);
  errors.push(...received.errors);
  const stray = input.uploads.find((u) => u.field !== POWER_OF_ATTORNEY_FIELD);
  if (stray) errors.push({ field: stray.field, key: 'validation.unknownField' });
  const attorney = typeof input.data.attorneyName === 'string' && input.data.attorneyName.trim() !== '';
  const hasLetter = input.uploads.some((u) => u.field === POWER_OF_ATTORNEY_FIELD);
  if (attorney && !hasLetter)
    errors.push({ field: POWER_OF_ATTORNEY_FIELD, key: 'objections.validation.powerOfAttorneyRequired' });
  if (!attorney && hasLetter) errors.push({ field: 'attorneyName', key: 'validation.required' });
  if (errors.length > 0 || !parsed.success) throw AppError.validation(errors);
  // Stored like identity documents: checked by content, at most 10 MB, encrypted at rest.
  await checkUploads(input.uploads, 'identity', Math.min(IDENTITY_MAX_BYTES, ctx.uploadMaxBytes));
  return { data: parsed.data, receivedAt: received.at };
}

/** After the row and its timeline: the requester's receipt and the notice to the Atasan PPID and PPID. */
async function queueFilingMails(
  tx: Db,
  ctx: RequestsCtx,
  office: Office,
  request: RequestRow,
  objection: ObjectionRow,
  staff: readonly string[],
  facts: { mismatchedGrounds: string[]; now: Date },
): Promise<void> {
  const { mismatchedGrounds, now } = facts;
  const groundsText = objection.grounds.map((g) => `${groundShortId(g)}: ${GROUND_ID[g]}`);
  const dueText = formatDate(objection.dueDate, 'id');
  if (objection.requesterEmail) {
    await queueMail(
      tx,
      office.id,
      {
        to: objection.requesterEmail,
        ...objectionReceivedMail({
          requesterName: objection.requesterName,
          officeName: office.name,
          number: objection.number,
          requestNumber: request.number,
          receivedAtText: formatDateTime(objection.receivedAt, 'id', office.timezone),
          groundsText,
          dueDateText: dueText,
          workingDays: objection.answerDays,
          profile: objection.deadlineProfile,
          late: objection.late,
          trackingUrl: objectionTrackingUrl(ctx.publicUrl, office.slug),
        }),
        template: 'objection-received',
        entityType: 'objection',
        entityId: objection.id,
      },
      now,
    );
  }
  await queuePhoneNotice(
    tx,
    office.id,
    { name: objection.requesterName, phone: objection.requesterPhone },
    office.name,
    {
      kind: 'objection-received',
      number: objection.number,
      requestNumber: request.number,
      dueDateText: dueText,
    },
    {
      entityType: 'objection',
      entityId: objection.id,
      url: objectionTrackingUrl(ctx.publicUrl, office.slug),
      dedupeKey: `objection-received:${objection.id}`,
    },
    now,
  );
  const staffMail = staffNewObjectionMail({
    officeName: office.name,
    number: objection.number,
    requestNumber: request.number,
    groundsText,
    dueDateText: dueText,
    late: objection.late,
    mismatchedGrounds,
    objectionUrl: staffObjectionUrl(ctx.publicUrl, office.slug, objection.id),
  });
  for (const to of staff) {
    await queueMail(
      tx,
      office.id,
      { to, ...staffMail, template: 'staff-new-objection', entityType: 'objection', entityId: objection.id },
      now,
    );
  }
}

/**
 * Registers an objection to the Atasan PPID (UU 14/2008 Pasal 35-36; Perki 1/2021 Pasal 39-41):
 * numbered gaplessly per office and year in the office's pattern, each ground's 30-working-day
 * window checked (a late objection is flagged, never refused), the answer due in 30 working days
 * (3 for election information under the election profile, Perki 1/2019 Pasal 14), the surat kuasa
 * khusus stored encrypted, the emails queued — in one transaction. The public files with the
 * request's tracking code; the desk records objections made in person, by letter or by email.
 */
export async function fileObjection(
  ctx: RequestsCtx,
  actor: Actor,
  input: FileObjectionInput,
): Promise<FiledObjection> {
  const office = await activeOffice(ctx.db, input.officeId);
  const request = await requestOf(ctx, actor, office, input);
  if (request.status === 'WITHDRAWN')
    throw AppError.field('requestNumber', 'objections.validation.requestWithdrawn');
  const now = ctx.clock.now();
  const { data, receivedAt } = await validate(ctx, input, office, now);

  const [settings, calendar, officer, decision, delivery, staff] = await Promise.all([
    getOfficeSettings(ctx.db, office.id),
    loadOfficeCalendar(ctx.db, office),
    officerOf(ctx.db, actor),
    findDecision(ctx.db, office.id, request.id, request.round),
    findDelivery(ctx.db, office.id, request.id, request.round),
    staffEmails(ctx.db, office, ['ATASAN_PPID', 'PPID'], now),
  ]);
  const receivedLocal = localDateTime(receivedAt, office.timezone).date;
  const receiptRule = { timeZone: office.timezone, cutoff: settings.cutoff };
  const requestDates = {
    noticeDueOn: request.extendedDueDate ?? request.dueDate,
    noticeOn: decision ? countsAsReceivedOn(calendar, decision.decidedAt, receiptRule) : null,
    deliveredOn: delivery ? countsAsReceivedOn(calendar, delivery.deliveredAt, receiptRule) : null,
  };
  const assessment = assessFiling(calendar, data.grounds, requestDates, receivedLocal);
  const mismatchOf = (g: (typeof data.grounds)[number]) =>
    groundMismatch(g, { ...requestDates, outcome: decision?.outcome ?? null }, receivedLocal);
  const election =
    request.category === 'TAHAPAN_PEMILU' &&
    (await electionProfileOn(ctx.db, settings.requests.electionProfileEnabled, receivedLocal));
  const answerDays = election ? settings.objections.electionAnswerDays : OBJECTION_PERIODS.answer;
  const due = answerDueDate(calendar, {
    receivedAt,
    timeZone: office.timezone,
    cutoff: settings.cutoff,
    counting: settings.dayCounting,
    days: answerDays,
  });
  const explanation: AnswerDueExplanation = {
    profile: election ? 'ELECTION' : 'STANDARD',
    workingDays: answerDays,
    receivedOn: due.receivedOn,
    dueDate: due.dueDate,
    skipped: due.skipped,
    warnings: due.warnings,
  };
  const windows: GroundWindowRecord[] = assessment.grounds.map((g) => ({
    ground: g.ground,
    aroseOn: g.aroseOn,
    closesOn: g.window?.closesOn ?? null,
    late: g.late,
    mismatch: mismatchOf(g.ground),
  }));
  const mismatchedGrounds = windows.filter((w) => w.mismatch).map((w) => w.ground);
  const late = assessment.lateGrounds.length > 0;
  const actorLabel = eventActorLabel(actor);

  return withFileUnit(ctx.db, ctx.files, (files) =>
    ctx.db.transaction(async (tx) => {
      const saved = await saveUploads(tx, files, input.uploads, {
        officeId: office.id,
        purpose: 'identity',
        maxBytes: Math.min(IDENTITY_MAX_BYTES, ctx.uploadMaxBytes),
        encrypt: true,
        createdBy: actorLabel,
        now,
      });
      // The counter row stays locked until commit: filings at this office queue here, get
      // consecutive numbers, and see each other's objections in the check below.
      const seq = await nextObjectionSeq(tx, office.id, registrationYear(now, office.timezone));
      const open = await findBlockingObjection(tx, office.id, request.id, request.round, BLOCKING_STATUSES);
      if (open) throw new AppError('CONFLICT', 'objections.error.alreadyOpen', { number: open.number });
      const reg = registrationNumberFor({
        pattern: settings.objections.numberPattern,
        officeCode: office.code,
        seq,
        at: now,
        timeZone: office.timezone,
      });
      const objection = await insertObjection(tx, {
        officeId: office.id,
        number: reg.number,
        year: reg.year,
        seq,
        status: 'REGISTERED',
        channel: input.channel,
        receivedAt,
        receivedNote: input.receivedNote?.trim() || null,
        createdAt: now,
        intakeBy: actorLabel,
        intakeOfficerName: officer.name,
        requestId: request.id,
        requestRound: request.round,
        requestNumber: request.number,
        informationRequested: request.informationRequested,
        purpose: request.purpose,
        requesterName: request.requesterName,
        requesterAddress: request.address,
        requesterOccupation: request.occupation,
        requesterPhone: data.phone ?? request.phone,
        requesterEmail: data.email ?? request.email,
        attorneyName: data.attorneyName ?? null,
        attorneyAddress: data.attorneyAddress ?? null,
        attorneyPhone: data.attorneyPhone ?? null,
        grounds: data.grounds,
        caseDescription: data.caseDescription,
        groundWindows: windows,
        late,
        lateGrounds: assessment.lateGrounds,
        deadlineProfile: explanation.profile,
        answerDays,
        receivedOn: due.receivedOn,
        dueDate: due.dueDate,
        dueExplanation: explanation,
        issuedBy: issuedByOf(office, settings),
        updatedAt: now,
      });
      await addObjectionDocuments(tx, objection, saved, 'SURAT_KUASA_KHUSUS', now);
      await addObjectionEvent(tx, objection, {
        kind: 'FILED',
        actorLabel,
        public: true,
        data: {
          channel: input.channel,
          dueDate: due.dueDate,
          late: late ? assessment.lateGrounds.join(',') : null,
        },
        at: now,
      });
      // The request's own history shows the objection too (the Atasan PPID reads it beside it).
      await addEvent(tx, request, {
        kind: 'OBJECTION_FILED',
        actorLabel,
        public: true,
        data: { reference: reg.number },
        at: now,
      });
      await auditObjection(
        tx,
        actor,
        objection,
        'filed',
        {
          channel: input.channel,
          grounds: data.grounds,
          late,
          dueDate: due.dueDate,
          attorney: Boolean(data.attorneyName),
        },
        now,
      );

      await queueFilingMails(tx, ctx, office, request, objection, staff, { mismatchedGrounds, now });
      const receiptToken = input.channel === 'API' ? randomToken(24) : null;
      if (receiptToken) {
        await createDownloadLink(tx, {
          officeId: office.id,
          requestId: request.id,
          tokenHash: sha256Hex(receiptToken),
          expiresAt: new Date(now.getTime() + RECEIPT_LINK_DAYS * 86_400_000),
          now,
        });
      }
      return {
        receiptToken,
        objectionId: objection.id,
        number: reg.number,
        status: objection.status,
        requestNumber: request.number,
        receivedAt: receivedAt.toISOString(),
        dueDate: due.dueDate,
        dueWarnings: due.warnings,
        late,
        lateGrounds: assessment.lateGrounds,
        mismatchedGrounds,
      };
    }),
  );
}
