import type { Db } from '../../platform/db/database.ts';
import { letterCity, letterheadOf } from '../offices/letterhead.ts';
import { getOfficeSettings, type Office } from '../offices/queries.ts';
import { findCycle, findCycleSteps, listStepRuns } from './queries.ts';
import type { MemoInput } from './render-memo-pdf.ts';

/** The nota dinas or disposition recorded by a completed run of a cycle, with its signature if signed. */
export async function loadMemo(
  db: Db,
  office: Office,
  cycleId: string,
  runId: string,
): Promise<MemoInput | undefined> {
  const cycle = await findCycle(db, office.id, cycleId);
  if (!cycle) return undefined;
  const [steps, runs, settings] = await Promise.all([
    findCycleSteps(db, office.id, cycle.id),
    listStepRuns(db, office.id, cycle.id),
    getOfficeSettings(db, office.id),
  ]);
  const run = runs.find((r) => r.id === runId && r.outcome === 'COMPLETED');
  const step = run ? steps.find((s) => s.position === run.position) : undefined;
  if (!run || !step || (step.kind !== 'NOTA_DINAS' && step.kind !== 'DISPOSITION')) return undefined;
  const signRun =
    step.kind === 'NOTA_DINAS'
      ? runs.find(
          (r) =>
            r.outcome === 'COMPLETED' &&
            r.endedAt &&
            run.endedAt &&
            r.endedAt >= run.endedAt &&
            steps.find((s) => s.position === r.position)?.kind === 'SIGN',
        )
      : undefined;
  const signStep = signRun ? steps.find((s) => s.position === signRun.position) : undefined;
  return {
    office,
    letterhead: letterheadOf(office, settings),
    city: letterCity(office, settings),
    year: cycle.year,
    step,
    run,
    signed: signRun && signStep ? { run: signRun, step: signStep } : null,
  };
}
