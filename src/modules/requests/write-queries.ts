import { type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { CaseEvent, CaseStore } from '../casework/case-steps.ts';
import { nextSequence, updateCaseIfStatus } from '../casework/queries.ts';
import { findRequest, type RequestRow } from './queries.ts';
import { requestCounters, requestEvents, requests } from './schema.ts';
import type { RequestStatus } from './status.ts';

// The writes of the requests module that its use cases share: the case row's compare-and-set,
// its timeline, its counter.

export type RequestChanges = Partial<Omit<typeof requests.$inferInsert, 'officeId' | 'id' | 'status'>>;
/** An extra condition of a compare-and-set, built here (see `also*` below). */
export type RequestCondition = SQL;

export async function insertRequestEvent(tx: Db, request: Pick<RequestRow, 'officeId' | 'id'>, event: CaseEvent): Promise<void> {
  await tx.insert(requestEvents).values({ officeId: request.officeId, requestId: request.id, ...event, data: event.data ?? {} });
}

export const requestStore: CaseStore<RequestRow, RequestStatus, RequestChanges, RequestCondition> = {
  find: findRequest,
  updateIfStatus: (tx, row, status, changes, now, also) => updateCaseIfStatus(tx, requests, row, { ...changes, status, updatedAt: now }, also),
  insertEvent: insertRequestEvent,
};

/** The next request number of the office's year (the counter row stays locked until commit). */
export function nextRequestSeq(tx: Db, officeId: string, year: number): Promise<number> {
  return nextSequence(tx, requestCounters, officeId, year);
}
