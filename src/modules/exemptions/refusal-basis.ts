import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Office } from '../offices/queries.ts';
import { periodId } from './exemption-documents.ts';
import { findDikEntry, findTest, type DikEntry, type ExemptionTest } from './queries.ts';
import { findEntryWithDecree } from './write-queries.ts';

// What a refusal (REFUSED_EXEMPT) or a partial grant rests on (issue 10): a DIK entry in force
// at the office on the decision date (its own or inherited), or a consequence test held at this
// very request and approved by the office's chain. The notice and the SK Penolakan print it.

export interface RefusalBasis {
  entry: DikEntry | null;
  test: ExemptionTest | null;
  ground: DikEntry['ground'];
  subPoint: number | null;
  legalBasis: string;
  harmAnalysis: string;
  publicInterest: string;
  period: string;
  participants: string | null;
}

export async function resolveRefusalBasis(
  db: Db,
  office: Office,
  requestId: string,
  cited: { entryId?: string | undefined; testId?: string | undefined },
  today: string,
): Promise<RefusalBasis> {
  if (cited.testId) {
    const test = await findTest(db, office.id, cited.testId);
    if (!test || test.requestId !== requestId || test.occasion !== 'AT_REQUEST')
      throw AppError.field('exemptionTestId', 'validation.exemptions.unknownTest');
    if (test.status !== 'APPROVED')
      throw AppError.field('exemptionTestId', 'exemptions.error.testNotApproved');
    if (!test.closed) throw AppError.field('exemptionTestId', 'exemptions.error.testNotApproved');
    return {
      entry: null,
      test,
      ground: test.ground,
      subPoint: test.subPoint,
      legalBasis: test.otherStatute ?? '-',
      harmAnalysis: test.harmAnalysis,
      publicInterest: test.publicInterest,
      period: periodId(test),
      participants: test.participants.map((p) => `${p.name} (${p.position})`).join(', '),
    };
  }
  if (!cited.entryId) throw AppError.field('exemptionEntryId', 'validation.exemptions.citeRequired');
  const entry = await findDikEntry(db, office, cited.entryId);
  if (!entry || (entry.periodUntil !== null && entry.periodUntil < today))
    throw AppError.field('exemptionEntryId', 'exemptions.error.entryNotInForce');
  const test = entry.testId ? ((await findTest(db, entry.officeId, entry.testId)) ?? null) : null;
  return {
    entry,
    test,
    ground: entry.ground,
    subPoint: entry.subPoint,
    legalBasis: entry.legalBasis,
    harmAnalysis: test?.harmAnalysis ?? entry.consideration,
    publicInterest: test?.publicInterest ?? entry.consideration,
    period: periodId(entry),
    participants: test ? test.participants.map((p) => `${p.name} (${p.position})`).join(', ') : null,
  };
}

/** What the SK Penolakan and the notice print about the cited entry, its decree and the test. */
export interface CitedBasis {
  entry: { information: string; decreeNumber: string; decreeDate: string; issuerName: string } | null;
  test: { heldOn: string; place: string; result: string; participants: string } | null;
}

export async function citedBasisOf(
  db: Db,
  d: {
    officeId: string;
    exemptionEntryId: string | null;
    exemptionEntryOfficeId: string | null;
    exemptionTestId: string | null;
  },
): Promise<CitedBasis> {
  let entry: CitedBasis['entry'] = null;
  let testId = d.exemptionTestId;
  let testOffice = d.officeId;
  if (d.exemptionEntryId && d.exemptionEntryOfficeId) {
    const row = await findEntryWithDecree(db, d.exemptionEntryOfficeId, d.exemptionEntryId);
    if (row) {
      entry = {
        information: row.information,
        decreeNumber: row.number,
        decreeDate: row.date,
        issuerName: row.issuer,
      };
      if (!testId && row.testId) {
        testId = row.testId;
        testOffice = d.exemptionEntryOfficeId;
      }
    }
  }
  const t = testId ? await findTest(db, testOffice, testId) : undefined;
  return {
    entry,
    test: t
      ? {
          heldOn: t.heldOn,
          place: t.place,
          result: t.closed ? `ditutup ${t.whole ? 'seluruhnya' : 'sebagian'}` : 'dibuka',
          participants: t.participants.map((p) => `${p.name} (${p.position})`).join(', '),
        }
      : null,
  };
}
