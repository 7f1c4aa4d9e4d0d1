import type { Role } from '../people/schema.ts';

// The approval chain of seed 004 step 2 as per-office data (settings.exemptions.approvalChain):
// each role in order approves, or returns with a reason. A returned record goes back to the
// PPID and starts the chain again from the first role when resubmitted.

export type ApprovalSubject = 'TEST' | 'DECREE';

/** The role whose turn it is, or null when the chain is complete. */
export function roleDue(chain: readonly Role[], approvedSteps: number): Role | null {
  return approvedSteps < chain.length ? chain[approvedSteps]! : null;
}

export function isChainComplete(chain: readonly Role[], approvedSteps: number): boolean {
  return chain.length > 0 && approvedSteps >= chain.length;
}

/** The roles that may act on an exemption chain at all (and so see the worklist). */
export const APPROVER_ROLES: readonly Role[] = ['PEMBINA_PPID', 'TIM_PERTIMBANGAN', 'ATASAN_PPID'];
