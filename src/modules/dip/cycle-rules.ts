import type { Role } from '../people/schema.ts';
import type { CycleStatus, ProcedureStep, StepKind } from './model.ts';

// The rules of a DIP cycle as pure functions: who may move which step, when a step may be
// completed or sent back, and what makes a procedure usable. The use cases apply them inside
// their transaction, then compare-and-set the cycle's position.

export interface Problem {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

/** What the rules need to know about the actor in this office. */
export interface ActorView {
  roles: readonly Role[];
  /** The CLI and system jobs (seeding, migrations) act with full rights. */
  operator: boolean;
  /** PPID or its staff: edits the draft DIP and closes collection (can.manageDip). */
  managesDip: boolean;
}

export interface CycleView {
  status: CycleStatus;
  currentPosition: number | null;
  steps: readonly Pick<ProcedureStep, 'position' | 'kind' | 'role'>[];
}

/** Facts about the draft DIP that gate some steps. */
export interface DraftFacts {
  pendingProposals: number;
  includedEntries: number;
  /** Included entries linking an archive item the Atasan PPID has not approved (seed 003 step 2). */
  entriesWithUnapprovedArchive: number;
}

export type Verdict =
  | { ok: true; next: number | null }
  | { ok: false; code: 'FORBIDDEN' | 'CONFLICT' | 'VALIDATION'; problem: Problem };

const refuse = (
  code: 'FORBIDDEN' | 'CONFLICT' | 'VALIDATION',
  key: string,
  field = '_',
  params?: Problem['params'],
): Verdict => ({
  ok: false,
  code,
  problem: params ? { field, key, params } : { field, key },
});

/**
 * Who may complete (or send back) a step: the holder of the step's role. A COLLECT step is
 * where the units contribute (its role is theirs); it is closed by the PPID's side, who
 * coordinates the collection (seed 000 step 2: the Kasubbag coordinates and consolidates).
 */
export function mayMoveStep(step: Pick<ProcedureStep, 'kind' | 'role'>, actor: ActorView): boolean {
  if (actor.operator) return true;
  if (step.kind === 'COLLECT') return actor.managesDip;
  return actor.roles.includes(step.role);
}

/** May units propose entries now? Only while the current step collects them. */
export function isCollecting(cycle: CycleView): boolean {
  return cycle.status === 'ACTIVE' && currentStep(cycle)?.kind === 'COLLECT';
}

/** May the draft DIP be edited now? While active and before the decree or publication. */
export function isDraftEditable(cycle: CycleView): boolean {
  if (cycle.status !== 'ACTIVE') return false;
  const kind = currentStep(cycle)?.kind;
  return kind !== undefined && kind !== 'DECREE' && kind !== 'PUBLISH' && kind !== 'SIGN';
}

export function currentStep(cycle: CycleView) {
  return cycle.steps.find((s) => s.position === cycle.currentPosition);
}

/**
 * May `actor` complete the step at `position` (the position the form showed)? Returns the
 * next position (null when the cycle is then published).
 */
export function checkComplete(
  cycle: CycleView,
  position: number,
  actor: ActorView,
  facts: DraftFacts,
): Verdict {
  if (cycle.status !== 'ACTIVE') return refuse('CONFLICT', 'dip.error.cycleNotActive');
  if (cycle.currentPosition !== position) return refuse('CONFLICT', 'dip.error.stepMoved');
  const step = currentStep(cycle);
  if (!step) return refuse('CONFLICT', 'dip.error.stepMoved');
  if (!mayMoveStep(step, actor)) return refuse('FORBIDDEN', 'dip.error.notYourStep');
  const gate = gateOf(step.kind, facts);
  if (gate) return gate;
  const last = Math.max(...cycle.steps.map((s) => s.position));
  return { ok: true, next: position === last ? null : nextPosition(cycle, position) };
}

function nextPosition(cycle: CycleView, position: number): number {
  return Math.min(...cycle.steps.filter((s) => s.position > position).map((s) => s.position));
}

function gateOf(kind: StepKind, facts: DraftFacts): Verdict | undefined {
  switch (kind) {
    case 'CONSOLIDATE':
      if (facts.pendingProposals > 0)
        return refuse('VALIDATION', 'dip.error.pendingProposals', '_', { count: facts.pendingProposals });
      if (facts.includedEntries === 0) return refuse('VALIDATION', 'dip.error.emptyDip');
      return undefined;
    case 'PUBLISH':
      if (facts.includedEntries === 0) return refuse('VALIDATION', 'dip.error.emptyDip');
      if (facts.pendingProposals > 0)
        return refuse('VALIDATION', 'dip.error.pendingProposals', '_', { count: facts.pendingProposals });
      if (facts.entriesWithUnapprovedArchive > 0) {
        return refuse('VALIDATION', 'dip.error.unapprovedArchive', '_', {
          count: facts.entriesWithUnapprovedArchive,
        });
      }
      return undefined;
    case 'DECREE':
      if (facts.includedEntries === 0) return refuse('VALIDATION', 'dip.error.emptyDip');
      return undefined;
    case 'TASK':
    case 'DISPOSITION':
    case 'NOTA_DINAS':
    case 'REVIEW':
    case 'SIGN':
    case 'COLLECT':
      return undefined;
  }
}

/**
 * May `actor` send the cycle back from `position` to the earlier step `target`, with a note?
 * Publication too can be sent back (e.g. when a linked archive item was rejected).
 */
export function checkSendBack(
  cycle: CycleView,
  position: number,
  target: number,
  note: string,
  actor: ActorView,
): Verdict {
  if (cycle.status !== 'ACTIVE') return refuse('CONFLICT', 'dip.error.cycleNotActive');
  if (cycle.currentPosition !== position) return refuse('CONFLICT', 'dip.error.stepMoved');
  const step = currentStep(cycle);
  if (!step) return refuse('CONFLICT', 'dip.error.stepMoved');
  if (!mayMoveStep(step, actor)) return refuse('FORBIDDEN', 'dip.error.notYourStep');
  if (!cycle.steps.some((s) => s.position === target) || target >= position) {
    return refuse('VALIDATION', 'dip.error.sendBackTarget', 'target');
  }
  if (note.trim().length < 3) return refuse('VALIDATION', 'dip.error.sendBackNote', 'note');
  return { ok: true, next: target };
}

/**
 * A procedure the cycle can run: numbered 1..n, ending with exactly one PUBLISH step, with at
 * most one COLLECT, CONSOLIDATE and DECREE step, collection before consolidation, and the
 * decree before publication.
 */
export function procedureProblems(
  steps: readonly (Pick<ProcedureStep, 'position' | 'kind'> & { role?: Role })[],
): Problem[] {
  const problems: Problem[] = [];
  if (steps.length === 0) return [{ field: 'steps', key: 'dip.procedure.empty' }];
  const count = (k: StepKind) => steps.filter((s) => s.kind === k).length;
  const posOf = (k: StepKind) => steps.find((s) => s.kind === k)?.position;
  steps.forEach((s, i) => {
    if (s.position !== i + 1) problems.push({ field: `steps.${i}.position`, key: 'dip.procedure.numbering' });
  });
  if (count('PUBLISH') !== 1 || steps[steps.length - 1]!.kind !== 'PUBLISH') {
    problems.push({ field: 'steps', key: 'dip.procedure.publishLast' });
  }
  for (const k of ['COLLECT', 'CONSOLIDATE', 'DECREE'] as const) {
    if (count(k) > 1) problems.push({ field: 'steps', key: 'dip.procedure.atMostOne', params: { kind: k } });
  }
  // Units see only their own proposals, never the draft, so their role can only collect.
  steps.forEach((s, i) => {
    if (s.role === 'PPID_PEMBANTU' && s.kind !== 'COLLECT')
      problems.push({ field: `steps.${i}.role`, key: 'dip.procedure.unitsOnlyCollect' });
  });
  const collect = posOf('COLLECT');
  const consolidate = posOf('CONSOLIDATE');
  if (collect !== undefined && consolidate !== undefined && consolidate < collect) {
    problems.push({ field: 'steps', key: 'dip.procedure.collectFirst' });
  }
  return problems;
}
