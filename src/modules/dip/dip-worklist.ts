import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../access/actor.ts';
import { can, pembantuUnitIds } from '../access/permissions.ts';
import { countPendingArchive } from '../archive/queries.ts';
import type { Office } from '../offices/queries.ts';
import { actorViewAt } from './actor-view.ts';
import { mayMoveStep } from './cycle-rules.ts';
import { findOpenStep } from './queries.ts';

/** A task for the staff worklist: a translation key and where to go. */
export interface WorkItem {
  key: string;
  params: Record<string, string | number>;
  href: string;
  dueAt: Date | null;
}

/** DIP and archive tasks waiting for this actor's role in this office. */
export async function dipWorklist(db: Db, actor: Actor, office: Office): Promise<WorkItem[]> {
  const items: WorkItem[] = [];
  const open = await findOpenStep(db, office.id);
  const base = `/staff/${office.slug}`;
  if (open) {
    const { cycle, step, run } = open;
    if (mayMoveStep(step, actorViewAt(actor, office))) {
      items.push({
        key: 'dip.worklist.step',
        params: { year: cycle.year, title: step.title },
        href: `${base}/dip`,
        dueAt: run?.dueAt ?? null,
      });
    }
    if (step.kind === 'COLLECT' && pembantuUnitIds(actor, office).length > 0) {
      items.push({
        key: 'dip.worklist.collect',
        params: { year: cycle.year },
        href: `${base}/dip/usulan`,
        dueAt: run?.dueAt ?? null,
      });
    }
  }
  if (can.approveArchive(actor, office)) {
    const n = await countPendingArchive(db, office.id);
    if (n > 0) items.push({ key: 'dip.worklist.archive', params: { n }, href: `${base}/arsip`, dueAt: null });
  }
  return items.sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
}
