import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.ts';
import { isAppError } from '../../src/platform/errors.ts';
import { completeDipStep } from '../../src/modules/dip/complete-step.ts';
import { decideDipProposal } from '../../src/modules/dip/decide-dip-proposal.ts';
import {
  findCycleSteps,
  findOpenStep,
  listStepRuns,
  listWorkingEntries,
  type Cycle,
} from '../../src/modules/dip/queries.ts';
import { saveDipProposal } from '../../src/modules/dip/save-dip-proposal.ts';
import { sendBackDipStep } from '../../src/modules/dip/send-back-step.ts';
import { startDipCycle } from '../../src/modules/dip/start-cycle.ts';
import { withdrawDipProposal } from '../../src/modules/dip/withdraw-dip-proposal.ts';
import { listAuditEntries } from '../../src/platform/audit/audit.ts';
import { dipTeam, entry } from '../helpers/dip-fixtures.ts';
import { office } from '../helpers/factories.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';

// The yearly DIP cycle of seed 000 (KPU Provinsi Bengkulu's SOP) run by KPU Kota Bandung
// through every step, with a send-back, against the real database.

const OFFICE = 'kpu-kota-bandung';
let db: TestDatabase;
const clock = new ManualClock('2026-01-05T01:00:00Z'); // Monday 08.00 WIB
let team: Awaited<ReturnType<typeof dipTeam>>;
let officeId: string;
let cycle: Cycle;
const ctx = () => ({ db: db.db, clock });

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return `${e.code}:${e.key}`;
    throw e;
  }
  return 'accepted';
}

const minutes = (n: number) => clock.advance(n * 60_000);

beforeAll(async () => {
  db = await createTestDatabase();
  team = await dipTeam(db.db, clock, OFFICE);
  officeId = (await office(db.db, OFFICE)).id;
});
afterAll(async () => {
  await db.close();
});

describe('a DIP cycle through every step of seed 000, and back', () => {
  it('is started by the PPID from the office procedure (seed 000 by default), not by others', async () => {
    expect(await refusal(startDipCycle(ctx(), team.atasan, { officeId, data: { year: 2026 } }))).toBe(
      'FORBIDDEN:error.forbidden',
    );
    expect(await refusal(startDipCycle(ctx(), team.ppid, { officeId, data: { year: 'dua ribu' } }))).toBe(
      'VALIDATION:error.validation',
    );
    cycle = await startDipCycle(ctx(), team.ppid, { officeId, data: { year: 2026 } });
    expect(cycle).toMatchObject({ year: 2026, revision: 1, status: 'ACTIVE', currentPosition: 1 });
    const steps = await findCycleSteps(db.db, officeId, cycle.id);
    expect(steps.map((s) => `${s.sopStepNo}:${s.kind}:${s.role}`)).toEqual([
      '1:DISPOSITION:ATASAN_PPID',
      '2:DISPOSITION:PPID',
      '3:NOTA_DINAS:PETUGAS_LAYANAN',
      '4:REVIEW:PPID',
      '5:REVIEW:PPID',
      '6:SIGN:ATASAN_PPID',
      '7:COLLECT:PPID_PEMBANTU',
      '8:CONSOLIDATE:PPID',
      '9:REVIEW:ATASAN_PPID',
      '9:REVIEW:TIM_PERTIMBANGAN',
      '10:DECREE:PEMBINA_PPID',
      '11:PUBLISH:PPID',
    ]);
    expect(await refusal(startDipCycle(ctx(), team.ppid, { officeId, data: { year: 2026 } }))).toBe(
      'CONFLICT:dip.error.cycleActive',
    );
  });

  it('moves the assignment chain only by the role each step names (steps 1–6)', async () => {
    const c = ctx();
    expect(
      await refusal(
        completeDipStep(c, team.ppid, {
          officeId,
          cycleId: cycle.id,
          position: 1,
          data: { documentTo: 'Kabag', note: 'x' },
        }),
      ),
    ).toBe('FORBIDDEN:dip.error.notYourStep');
    expect(
      await refusal(completeDipStep(c, team.atasan, { officeId, cycleId: cycle.id, position: 1, data: {} })),
    ).toBe('VALIDATION:error.validation');
    minutes(20);
    await completeDipStep(c, team.atasan, {
      officeId,
      cycleId: cycle.id,
      position: 1,
      data: { documentTo: 'Kepala Bagian / Kasubbag Teknis', note: 'Susun DIP Tahun 2026 sesuai SOP.' },
    });
    minutes(45); // over the 30-minute standard
    await completeDipStep(c, team.ppid, {
      officeId,
      cycleId: cycle.id,
      position: 2,
      data: {
        documentTo: 'Kasubbag Teknis dan Hupmas',
        note: 'Koordinasikan pengumpulan dari setiap subbagian.',
      },
    });
    minutes(120);
    await completeDipStep(c, team.petugas, {
      officeId,
      cycleId: cycle.id,
      position: 3,
      data: {
        documentNumber: '012/PP.07-ND/3273/2026',
        documentTo: 'Para Kepala Subbagian',
        documentSubject: 'Penyusunan Daftar Informasi Publik Tahun 2026',
        note: 'Dengan hormat, ...',
      },
    });
    // A form still showing step 3 is refused once the cycle has moved on.
    expect(
      await refusal(
        completeDipStep(c, team.petugas, {
          officeId,
          cycleId: cycle.id,
          position: 3,
          data: { documentNumber: '1', documentTo: 'x', documentSubject: 'x', note: 'x' },
        }),
      ),
    ).toBe('CONFLICT:dip.error.stepMoved');
    minutes(10);
    await completeDipStep(c, team.ppid, {
      officeId,
      cycleId: cycle.id,
      position: 4,
      data: { note: 'Koreksi redaksi.' },
    });
    minutes(10);
    await completeDipStep(c, team.ppid, { officeId, cycleId: cycle.id, position: 5, data: {} });
    minutes(60);
    expect(
      await refusal(completeDipStep(c, team.ppid, { officeId, cycleId: cycle.id, position: 6, data: {} })),
    ).toBe('FORBIDDEN:dip.error.notYourStep');
    await completeDipStep(c, team.atasan, { officeId, cycleId: cycle.id, position: 6, data: {} });
    expect((await findOpenStep(db.db, officeId))?.step.kind).toBe('COLLECT');
  });

  it('lets each unit propose and edit only its own entries while collecting (step 7)', async () => {
    const c = ctx();
    const a1 = await saveDipProposal(c, team.unitAStaff, {
      officeId,
      data: entry({
        documentTitle: 'Jadwal Tahapan Pemilihan 2026',
        holdingUnit: team.unitA.name,
        isElection: true,
      }),
    });
    const a2 = await saveDipProposal(c, team.unitAStaff, {
      officeId,
      data: entry({
        documentTitle: 'Daftar Pemilih Tetap (rekapitulasi)',
        category: 'SETIAP_SAAT',
        holdingUnit: team.unitA.name,
      }),
    });
    const b1 = await saveDipProposal(c, team.unitBStaff, { officeId, data: entry() });
    const b2 = await saveDipProposal(c, team.unitBStaff, {
      officeId,
      data: entry({ documentTitle: 'Draf yang ditarik' }),
    });
    expect(a1.status).toBe('PROPOSED');
    expect(a1.proposedByUnitId).toBe(team.unitA.id);
    // Unit B cannot touch unit A's proposal, nor claim unit A.
    expect(
      await refusal(saveDipProposal(c, team.unitBStaff, { officeId, entryId: a1.id, data: entry() })),
    ).toBe('NOT_FOUND:error.notFound');
    expect(await refusal(withdrawDipProposal(c, team.unitBStaff, { officeId, entryId: a1.id }))).toBe(
      'NOT_FOUND:error.notFound',
    );
    expect(
      await refusal(
        saveDipProposal(c, team.unitBStaff, {
          officeId,
          unitId: team.unitA.id,
          data: entry({ documentTitle: 'Atas nama unit lain' }),
        }),
      ),
    ).toBe('VALIDATION:error.validation');
    const edited = await saveDipProposal(c, team.unitAStaff, {
      officeId,
      entryId: a2.id,
      data: entry({
        documentTitle: 'Daftar Pemilih Tetap Pemilihan 2026',
        category: 'SETIAP_SAAT',
        holdingUnit: team.unitA.name,
      }),
    });
    expect(edited.documentTitle).toBe('Daftar Pemilih Tetap Pemilihan 2026');
    await withdrawDipProposal(c, team.unitBStaff, { officeId, entryId: b2.id });
    expect(
      (await listWorkingEntries(db.db, officeId, cycle.id, { unitId: team.unitB.id })).map((e) => e.id),
    ).toEqual([b1.id]);
    // Units do not close the collection; the PPID's side does.
    expect(
      await refusal(
        completeDipStep(c, team.unitAStaff, { officeId, cycleId: cycle.id, position: 7, data: {} }),
      ),
    ).toBe('FORBIDDEN:dip.error.notYourStep');
    minutes(60 * 24 * 3);
    await completeDipStep(c, team.ppid, {
      officeId,
      cycleId: cycle.id,
      position: 7,
      data: { note: 'Usulan dari dua subbagian masuk.' },
    });
    expect(
      await refusal(
        saveDipProposal(c, team.unitAStaff, { officeId, data: entry({ documentTitle: 'Terlambat' }) }),
      ),
    ).toBe('CONFLICT:dip.error.notCollecting');
  });

  it('consolidates: every proposal decided before the usulan DIP goes on (step 8)', async () => {
    const c = ctx();
    expect(
      await refusal(completeDipStep(c, team.ppid, { officeId, cycleId: cycle.id, position: 8, data: {} })),
    ).toBe('VALIDATION:dip.error.pendingProposals');
    const proposals = await listWorkingEntries(db.db, officeId, cycle.id, { status: ['PROPOSED'] });
    expect(proposals).toHaveLength(3);
    for (const p of proposals) {
      if (p.documentTitle.startsWith('Daftar Pemilih')) {
        expect(
          await refusal(
            decideDipProposal(c, team.ppid, { officeId, entryId: p.id, data: { decision: 'REJECTED' } }),
          ),
        ).toBe('VALIDATION:error.validation');
        await decideDipProposal(c, team.ppid, {
          officeId,
          entryId: p.id,
          data: { decision: 'REJECTED', note: 'Data pribadi pemilih dikecualikan; cukup rekapitulasi.' },
        });
      } else {
        await decideDipProposal(c, team.ppid, { officeId, entryId: p.id, data: { decision: 'INCLUDED' } });
      }
    }
    expect(
      await refusal(
        decideDipProposal(c, team.ppid, {
          officeId,
          entryId: proposals[0]!.id,
          data: { decision: 'INCLUDED' },
        }),
      ),
    ).toBe('CONFLICT:dip.error.notProposed');
    minutes(60 * 24 * 2);
    await completeDipStep(c, team.ppid, {
      officeId,
      cycleId: cycle.id,
      position: 8,
      data: { output: 'Usulan DIP 2026 (2 informasi)' },
    });
  });

  it('is sent back by the Atasan PPID with a note, redone, then approved and ratified (step 9)', async () => {
    const c = ctx();
    expect(
      await refusal(
        sendBackDipStep(c, team.atasan, {
          officeId,
          cycleId: cycle.id,
          data: { position: 9, target: 8, note: '' },
        }),
      ),
    ).toBe('VALIDATION:error.validation');
    expect(
      await refusal(
        sendBackDipStep(c, team.tim, {
          officeId,
          cycleId: cycle.id,
          data: { position: 9, target: 8, note: 'Bukan giliran saya' },
        }),
      ),
    ).toBe('FORBIDDEN:dip.error.notYourStep');
    minutes(30);
    await sendBackDipStep(c, team.atasan, {
      officeId,
      cycleId: cycle.id,
      data: { position: 9, target: 8, note: 'Tambahkan laporan layanan informasi publik 2025.' },
    });
    expect((await findOpenStep(db.db, officeId))?.step.position).toBe(8);
    minutes(60);
    await completeDipStep(c, team.ppid, {
      officeId,
      cycleId: cycle.id,
      position: 8,
      data: { note: 'Sudah dilengkapi.' },
    });
    minutes(60);
    await completeDipStep(c, team.atasan, {
      officeId,
      cycleId: cycle.id,
      position: 9,
      data: { note: 'Sesuai.' },
    });
    minutes(60);
    await completeDipStep(c, team.tim, { officeId, cycleId: cycle.id, position: 10, data: {} });
  });

  it('is set by decree with number and date, then published as the 2026 version', async () => {
    const c = ctx();
    expect(
      await refusal(
        completeDipStep(c, team.pembina, {
          officeId,
          cycleId: cycle.id,
          position: 11,
          data: { decreeNumber: '15/PP.07-Kpt/3273/2026' },
        }),
      ),
    ).toBe('VALIDATION:error.validation');
    minutes(60 * 24);
    await completeDipStep(c, team.pembina, {
      officeId,
      cycleId: cycle.id,
      position: 11,
      data: {
        decreeNumber: '15/PP.07-Kpt/3273/2026',
        decreeDate: '2026-01-20',
        decreeSignerName: 'Wenti Frihadianti',
        decreeSignerTitle: 'Ketua Komisi Pemilihan Umum Kota Bandung',
      },
    });
    const { cycle: done, version } = await completeDipStep(c, team.ppid, {
      officeId,
      cycleId: cycle.id,
      position: 12,
      data: {},
    });
    expect(done.status).toBe('PUBLISHED');
    expect(version).toMatchObject({
      year: 2026,
      revision: 1,
      entryCount: 2,
      decreeNumber: '15/PP.07-Kpt/3273/2026',
      decreeDate: '2026-01-20',
      current: true,
    });
    expect(
      await refusal(completeDipStep(c, team.ppid, { officeId, cycleId: cycle.id, position: 12, data: {} })),
    ).toBe('CONFLICT:dip.error.cycleNotActive');
  });

  it('recorded who did each step, when, with what output, and how long against its time standard', async () => {
    const runs = await listStepRuns(db.db, officeId, cycle.id);
    const row = (position: number, outcome = 'COMPLETED') =>
      runs.find((r) => r.position === position && r.outcome === outcome)!;
    expect(runs.filter((r) => r.outcome === 'COMPLETED')).toHaveLength(13); // 12 steps, step 8 twice
    expect(row(1)).toMatchObject({
      actorName: 'Dadang Suherman',
      elapsedMinutes: 20,
      metStandard: true,
      output: 'Disposisi/Arahan',
      documentTo: 'Kepala Bagian / Kasubbag Teknis',
    });
    expect(row(2)).toMatchObject({ actorName: 'Rina Kusumawati', elapsedMinutes: 45, metStandard: false });
    expect(row(3)).toMatchObject({ documentNumber: '012/PP.07-ND/3273/2026', metStandard: true });
    expect(row(6).metStandard).toBeNull(); // the seed sets no time for signing
    expect(row(7)).toMatchObject({ metStandard: true, note: 'Usulan dari dua subbagian masuk.' }); // 3 days within "1 (satu) minggu"
    expect(row(9, 'SENT_BACK')).toMatchObject({
      actorName: 'Dadang Suherman',
      sentBackTo: 8,
      note: 'Tambahkan laporan layanan informasi publik 2025.',
    });
    expect(runs.filter((r) => r.position === 8).map((r) => [r.attempt, r.outcome])).toEqual([
      [1, 'COMPLETED'],
      [2, 'COMPLETED'],
    ]);
    expect(row(11)).toMatchObject({ documentNumber: '15/PP.07-Kpt/3273/2026', actorName: 'Ketua KPU' });
    expect(runs.every((r) => r.endedAt !== null)).toBe(true);
  });

  it('wrote every move to the audit trail', async () => {
    const actions = (await listAuditEntries(db.db, officeId, 500)).map((a) => a.action);
    expect(actions.filter((a) => a === 'dip.step_completed')).toHaveLength(12);
    expect(actions).toContain('dip.step_sent_back');
    expect(actions).toContain('dip.published');
    expect(actions).toContain('dip.cycle_started');
  });
});
