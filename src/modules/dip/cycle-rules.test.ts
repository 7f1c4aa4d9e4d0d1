import { describe, expect, it } from 'vitest';
import type { Role } from '../people/schema.ts';
import {
  checkComplete,
  checkSendBack,
  isCollecting,
  isDraftEditable,
  procedureProblems,
  type ActorView,
  type CycleView,
  type DraftFacts,
} from './cycle-rules.ts';
import type { StepKind } from './model.ts';

// Seed 000 (KPU Provinsi Bengkulu) as a workflow: the kinds and roles of its twelve steps.
const SEED_000: [StepKind, Role][] = [
  ['DISPOSITION', 'ATASAN_PPID'],
  ['DISPOSITION', 'PPID'],
  ['NOTA_DINAS', 'PETUGAS_LAYANAN'],
  ['REVIEW', 'PPID'],
  ['REVIEW', 'PPID'],
  ['SIGN', 'ATASAN_PPID'],
  ['COLLECT', 'PPID_PEMBANTU'],
  ['CONSOLIDATE', 'PPID'],
  ['REVIEW', 'ATASAN_PPID'],
  ['REVIEW', 'TIM_PERTIMBANGAN'],
  ['DECREE', 'PEMBINA_PPID'],
  ['PUBLISH', 'PPID'],
];

const cycleAt = (position: number, status: CycleView['status'] = 'ACTIVE'): CycleView => ({
  status,
  currentPosition: position,
  steps: SEED_000.map(([kind, role], i) => ({ position: i + 1, kind, role })),
});
const as = (roles: Role[], managesDip = false): ActorView => ({ roles, operator: false, managesDip });
const ready: DraftFacts = { pendingProposals: 0, includedEntries: 12, entriesWithUnapprovedArchive: 0 };

describe('completing a step', () => {
  it.each([
    // position, actor, facts, expected next or refusal key
    [1, as(['ATASAN_PPID']), ready, 2],
    [1, as(['PPID']), ready, 'dip.error.notYourStep'],
    [3, as(['PETUGAS_LAYANAN'], true), ready, 4],
    [6, as(['ATASAN_PPID']), ready, 7],
    [7, as(['PPID_PEMBANTU']), ready, 'dip.error.notYourStep'], // units propose; the PPID closes collection
    [7, as(['PPID'], true), ready, 8],
    [8, as(['PPID'], true), { ...ready, pendingProposals: 2 }, 'dip.error.pendingProposals'],
    [8, as(['PPID'], true), { ...ready, includedEntries: 0 }, 'dip.error.emptyDip'],
    [8, as(['PPID'], true), ready, 9],
    [9, as(['ATASAN_PPID']), ready, 10],
    [10, as(['ATASAN_PPID']), ready, 'dip.error.notYourStep'],
    [10, as(['TIM_PERTIMBANGAN']), ready, 11],
    [11, as(['PEMBINA_PPID']), ready, 12],
    [12, as(['PPID'], true), { ...ready, entriesWithUnapprovedArchive: 1 }, 'dip.error.unapprovedArchive'],
    [12, as(['PPID'], true), ready, null],
    [12, as(['ADMIN']), ready, 'dip.error.notYourStep'],
  ] as const)('at step %i: %o with %o → %s', (position, actor, facts, expected) => {
    const verdict = checkComplete(cycleAt(position), position, actor, facts);
    if (typeof expected === 'string') {
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(verdict.problem.key).toBe(expected);
    } else {
      expect(verdict).toEqual({ ok: true, next: expected });
    }
  });

  it('refuses a form shown for a step the cycle has already left (compare-and-set)', () => {
    const verdict = checkComplete(cycleAt(5), 4, as(['PPID']), ready);
    expect(verdict).toMatchObject({ ok: false, code: 'CONFLICT', problem: { key: 'dip.error.stepMoved' } });
  });

  it('refuses anything on a published cycle', () => {
    expect(checkComplete(cycleAt(12, 'PUBLISHED'), 12, as(['PPID'], true), ready)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });

  it('lets the operator (CLI, seeding) move any step', () => {
    expect(checkComplete(cycleAt(10), 10, { roles: [], operator: true, managesDip: false }, ready)).toEqual({
      ok: true,
      next: 11,
    });
  });
});

describe('sending a step back', () => {
  it.each([
    [4, 3, 'Nomor surat salah', as(['PPID']), 3],
    [9, 8, 'Ringkasan kurang lengkap', as(['ATASAN_PPID']), 8],
    [10, 8, 'Tambahkan laporan keuangan', as(['TIM_PERTIMBANGAN']), 8],
    [10, 10, 'tidak boleh', as(['TIM_PERTIMBANGAN']), 'dip.error.sendBackTarget'],
    [10, 12, 'ke depan', as(['TIM_PERTIMBANGAN']), 'dip.error.sendBackTarget'],
    [10, 0, 'tidak ada', as(['TIM_PERTIMBANGAN']), 'dip.error.sendBackTarget'],
    [10, 9, '', as(['TIM_PERTIMBANGAN']), 'dip.error.sendBackNote'],
    [10, 9, 'Catatan cukup', as(['PPID'], true), 'dip.error.notYourStep'],
    [12, 8, 'Dokumen arsip ditolak', as(['PPID'], true), 8],
    [12, 11, 'Lepas dokumen', as(['TIM_PERTIMBANGAN']), 'dip.error.notYourStep'],
  ] as const)('from %i to %i with "%s" → %s', (position, target, note, actor, expected) => {
    const verdict = checkSendBack(cycleAt(position), position, target, note, actor);
    if (typeof expected === 'string')
      expect(verdict).toMatchObject({ ok: false, problem: { key: expected } });
    else expect(verdict).toEqual({ ok: true, next: expected });
  });
});

describe('what may happen at the current step', () => {
  it.each([
    [1, false, true],
    [7, true, true],
    [8, false, true],
    [10, false, true],
    [11, false, false],
    [12, false, false],
  ] as const)('at step %i: collecting %s, draft editable %s', (position, collecting, editable) => {
    expect(isCollecting(cycleAt(position))).toBe(collecting);
    expect(isDraftEditable(cycleAt(position))).toBe(editable);
  });
});

describe('a procedure the cycle can run', () => {
  const steps = (...kinds: StepKind[]) => kinds.map((kind, i) => ({ position: i + 1, kind }));
  it.each([
    [steps('COLLECT', 'CONSOLIDATE', 'DECREE', 'PUBLISH'), []],
    [steps('COLLECT', 'PUBLISH'), []],
    [[], ['dip.procedure.empty']],
    [steps('COLLECT', 'DECREE'), ['dip.procedure.publishLast']],
    [steps('PUBLISH', 'REVIEW'), ['dip.procedure.publishLast']],
    [steps('COLLECT', 'COLLECT', 'PUBLISH'), ['dip.procedure.atMostOne']],
    [steps('CONSOLIDATE', 'COLLECT', 'PUBLISH'), ['dip.procedure.collectFirst']],
    [
      [
        { position: 1, kind: 'COLLECT' as const },
        { position: 3, kind: 'PUBLISH' as const },
      ],
      ['dip.procedure.numbering'],
    ],
    [
      [
        { position: 1, kind: 'REVIEW' as const, role: 'PPID_PEMBANTU' as const },
        { position: 2, kind: 'PUBLISH' as const, role: 'PPID' as const },
      ],
      ['dip.procedure.unitsOnlyCollect'],
    ],
  ])('%o → %o', (procedure, keys) => {
    expect(procedureProblems(procedure).map((p) => p.key)).toEqual(keys);
  });
});
