import type { Db } from '../../platform/db/database.ts';
import { formatDate, formatRupiah } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { queuePhoneNotice } from './phone-notices.ts';
import type { Actor } from '../access/actor.ts';
import type { OfficeSettings } from '../offices/office-settings.ts';
import type { Office } from '../offices/queries.ts';
import { requestDecidedMail } from './emails/request-decided-mail.ts';
import { OUTCOME_ID } from './labels-id.ts';
import { trackingUrl } from './links.ts';
import { issuedByOf } from './officer.ts';
import type { RequestRow } from './queries.ts';
import { addEvent, auditRequest, eventActorLabel } from './request-steps.ts';
import type { RequestsCtx } from './requests-ctx.ts';
import {
  requestDecisions,
  requestReleasedFiles,
  type DeliveryMethod,
  type InformationForm,
  type Outcome,
} from './schema.ts';

export interface DecisionFacts {
  outcome: Outcome;
  atDesk: boolean;
  officer: { name: string; nip: string | null; title: string };
  materialDescription?: string | undefined;
  forms: InformationForm[];
  provisionTime?: string | undefined;
  holderBody?: string | undefined;
  redactedParts?: string | undefined;
  redactionReason?: string | undefined;
  exemptionGround?: (typeof requestDecisions.$inferInsert)['exemptionGround'];
  exemptionSubPoint?: string | undefined;
  legalBasis?: string | undefined;
  harmAnalysis?: string | undefined;
  publicInterestAnalysis?: string | undefined;
  exemptionPeriod?: string | undefined;
  testParticipants?: string | undefined;
  exemptionEntryId?: string | undefined;
  exemptionEntryOfficeId?: string | undefined;
  exemptionTestId?: string | undefined;
  documentedBy?: string | undefined;
  deliveryMethod: DeliveryMethod;
  explanation?: string | undefined;
  releasedFileIds: string[];
}

const NEXT_STEP: Record<Outcome, string> = {
  GRANTED_FULL:
    'Informasi akan diserahkan sesuai cara yang Anda pilih; Anda akan menerima email ketika informasi diserahkan.',
  GRANTED_PARTIAL:
    'Sebagian informasi akan diserahkan; bagian yang dikecualikan dihitamkan dengan alasan yang dijelaskan dalam pemberitahuan tertulis.',
  REFUSED_EXEMPT:
    'Alasan penolakan dan hasil uji konsekuensi dijelaskan dalam pemberitahuan tertulis dan surat keputusan penolakan.',
  NOT_HELD:
    'Informasi yang Anda minta tidak dikuasai oleh kantor kami; bila diketahui, pemberitahuan tertulis menyebut badan publik yang menguasainya.',
  NOT_YET_DOCUMENTED:
    'Informasi yang Anda minta belum didokumentasikan; pemberitahuan tertulis menyebut kapan informasi itu tersedia.',
};

/**
 * Writes the written notice (and, for a refusal, the data of the SK Penolakan) inside the
 * caller's transaction, after the caller's compare-and-set moved the status.
 */
export async function issueDecision(
  tx: Db,
  ctx: RequestsCtx,
  actor: Actor,
  office: Office,
  settings: OfficeSettings,
  before: RequestRow,
  after: RequestRow,
  facts: DecisionFacts,
  now: Date,
): Promise<void> {
  await tx.insert(requestDecisions).values({
    officeId: office.id,
    requestId: after.id,
    round: after.round,
    outcome: facts.outcome,
    decidedAt: now,
    decidedBy: eventActorLabel(actor),
    officerName: facts.officer.name,
    officerNip: facts.officer.nip,
    officerTitle: facts.officer.title,
    atDesk: facts.atDesk,
    informationHeld: facts.outcome !== 'NOT_HELD',
    holderBody: facts.holderBody ?? null,
    materialDescription: facts.materialDescription ?? null,
    forms: facts.forms,
    provisionTime: facts.provisionTime ?? null,
    redactedParts: facts.redactedParts ?? null,
    redactionReason: facts.redactionReason ?? null,
    exemptionGround: facts.exemptionGround ?? null,
    exemptionSubPoint: facts.exemptionSubPoint ?? null,
    legalBasis: facts.legalBasis ?? null,
    harmAnalysis: facts.harmAnalysis ?? null,
    publicInterestAnalysis: facts.publicInterestAnalysis ?? null,
    exemptionPeriod: facts.exemptionPeriod ?? null,
    testParticipants: facts.testParticipants ?? null,
    exemptionEntryId: facts.exemptionEntryId ?? null,
    exemptionEntryOfficeId: facts.exemptionEntryOfficeId ?? null,
    exemptionTestId: facts.exemptionTestId ?? null,
    documentedBy: facts.documentedBy ?? null,
    deliveryMethod: facts.deliveryMethod,
    explanation: facts.explanation ?? null,
    feeTotal: after.feeTotal,
    issuedBy: issuedByOf(office, settings),
  });
  for (const fileId of new Set(facts.releasedFileIds)) {
    // A reopened request may release again a file an earlier round released.
    await tx
      .insert(requestReleasedFiles)
      .values({ officeId: office.id, requestId: after.id, fileId, addedAt: now })
      .onConflictDoNothing();
  }
  await addEvent(tx, after, {
    kind: facts.atDesk ? 'ANSWERED_AT_DESK' : 'DECIDED',
    actorLabel: eventActorLabel(actor),
    public: true,
    data: { outcome: facts.outcome },
    at: now,
  });
  await auditRequest(
    tx,
    actor,
    after,
    'decided',
    { outcome: facts.outcome, atDesk: facts.atDesk, feeTotal: after.feeTotal },
    now,
    before,
  );
  if (after.email) {
    await queueMail(
      tx,
      office.id,
      {
        to: after.email,
        ...requestDecidedMail({
          requesterName: after.requesterName,
          officeName: office.name,
          number: after.number,
          outcomeText: OUTCOME_ID[facts.outcome],
          refused: facts.outcome === 'REFUSED_EXEMPT',
          feeText: after.status === 'AWAITING_PAYMENT' ? formatRupiah(after.feeTotal) : null,
          nextStep:
            facts.outcome === 'NOT_YET_DOCUMENTED' && facts.documentedBy
              ? `${NEXT_STEP[facts.outcome]} (${formatDate(facts.documentedBy, 'id')})`
              : NEXT_STEP[facts.outcome],
          trackingUrl: trackingUrl(ctx.publicUrl, office.slug),
        }),
        template: 'request-decided',
        entityType: 'request',
        entityId: after.id,
      },
      now,
    );
  }
  await queuePhoneNotice(
    tx,
    office.id,
    { name: after.requesterName, phone: after.phoneE164 ?? after.phone },
    office.name,
    { kind: 'request-decided', number: after.number, outcomeText: OUTCOME_ID[facts.outcome] },
    { entityType: 'request', entityId: after.id, url: trackingUrl(ctx.publicUrl, office.slug) },
    now,
  );
}
