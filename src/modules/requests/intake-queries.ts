import type { Db } from '../../platform/db/database.ts';
import type { CaseEvent } from '../casework/case-steps.ts';
import { requestDownloadLinks, requestEvents, requestIdentityDocuments } from './schema.ts';

// The writes of intake that do not need the request's number (ADR 0106): the documents link,
// the identity scans' links and the timeline, in ONE statement, written before the office's
// numbering lock is taken (they name the request by the id chosen beforehand; these tables
// have no foreign key to `requests`, and the transaction still makes them commit or vanish
// together with the row).

export interface ReceiptRows {
  officeId: string;
  requestId: string;
  link: { tokenHash: string; expiresAt: Date; createdAt: Date };
  documents: readonly Omit<typeof requestIdentityDocuments.$inferInsert, 'officeId' | 'requestId'>[];
  events: readonly CaseEvent[];
}

export async function insertReceiptRows(tx: Db, rows: ReceiptRows): Promise<void> {
  const { officeId, requestId } = rows;
  const link = tx.$with('link', {}).as(
    tx
      .insert(requestDownloadLinks)
      .values({ officeId, requestId, ...rows.link })
      .getSQL(),
  );
  const documents =
    rows.documents.length > 0
      ? [
          tx.$with('documents', {}).as(
            tx
              .insert(requestIdentityDocuments)
              .values(rows.documents.map((d) => ({ officeId, requestId, ...d })))
              .getSQL(),
          ),
        ]
      : [];
  await tx
    .with(link, ...documents)
    .insert(requestEvents)
    .values(rows.events.map((e) => ({ officeId, requestId, ...e, data: e.data ?? {} })));
}
