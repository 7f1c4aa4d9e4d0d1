import type { ObjectionRow } from './queries.ts';

/**
 * The requester may take the dispute to the Komisi Informasi after an answer they do not accept,
 * after the answer period lapsed, or while the dispute runs (UU 14/2008 Pasal 37): then the
 * tracking page explains it and offers the bundle of documents.
 */
export function disputeStepOpen(o: Pick<ObjectionRow, 'status' | 'reaction'>): boolean {
  return (
    (o.status === 'DECIDED' && o.reaction !== 'ACCEPTS') || o.status === 'LAPSED' || o.status === 'DISPUTED'
  );
}
