import type { Db } from '../../platform/db/database.ts';
import { citePasal17, type Pasal17Ground } from '../law/pasal17.ts';
import type { Office } from '../offices/queries.ts';
import { listDikEntries, type DikEntry } from './queries.ts';

// What the public sees of an office's DIK (seed 004 step 4): entries in force, own and
// inherited, and what has expired or been revoked. Drafts and decrees in approval never.

export interface PublicDikEntry {
  id: string;
  information: string;
  ground: Pasal17Ground;
  subPoint: string | null;
  legalBasis: string;
  whole: boolean;
  period: { until: string | null; condition: string | null };
  status: 'ACTIVE' | 'EXPIRED' | 'REVOKED';
  decree: { number: string; date: string; office: string };
  inheritedFrom: string | null;
}

/** The legal basis as printed: the Pasal 17 citation, then the other statute. */
export function legalBasisText(e: Pick<DikEntry, 'ground' | 'subPoint' | 'legalBasis'>): string {
  return `${citePasal17(e.ground, e.subPoint)}; ${e.legalBasis}`;
}

export function publicDikEntry(e: DikEntry): PublicDikEntry {
  return {
    id: e.id,
    information: e.information,
    ground: e.ground,
    subPoint: e.subPoint === null ? null : String(e.subPoint),
    legalBasis: legalBasisText(e),
    whole: e.whole,
    period: { until: e.periodUntil, condition: e.periodCondition },
    status: e.status as PublicDikEntry['status'],
    decree: { number: e.decreeNumber, date: e.decreeDate, office: e.issuerSlug },
    inheritedFrom: e.inheritedFrom,
  };
}

export async function readPublicDik(
  db: Db,
  office: Office,
): Promise<{ inForce: DikEntry[]; ended: DikEntry[] }> {
  const rows = await listDikEntries(db, office, { statuses: ['ACTIVE', 'EXPIRED', 'REVOKED'] });
  return {
    inForce: rows.filter((r) => r.status === 'ACTIVE'),
    ended: rows.filter((r) => r.status !== 'ACTIVE'),
  };
}
