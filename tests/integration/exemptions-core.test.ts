import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, type Actor } from '../../src/modules/access/actor.ts';
import { decideApproval } from '../../src/modules/exemptions/decide-approval.ts';
import { findDecree, findTest, listApprovals, listDikEntries } from '../../src/modules/exemptions/queries.ts';
import { revokeDecree } from '../../src/modules/exemptions/revoke-decree.ts';
import { saveConsequenceTest } from '../../src/modules/exemptions/save-consequence-test.ts';
import { saveDecree } from '../../src/modules/exemptions/save-decree.ts';
import { saveExemptionEntry } from '../../src/modules/exemptions/save-exemption-entry.ts';
import { submitForApproval } from '../../src/modules/exemptions/submit-for-approval.ts';
import { getOfficeSettings, listOffices } from '../../src/modules/offices/queries.ts';
import { updateOfficeSettings } from '../../src/modules/offices/update-office-settings.ts';
import type { Ctx } from '../../src/platform/context.ts';
import { AppError } from '../../src/platform/errors.ts';
import {
  activeDecree,
  approveAll,
  sampleDecree,
  sampleEntry,
  sampleTest,
} from '../helpers/exemptions-fixtures.ts';
import { createStaff, office } from '../helpers/factories.ts';
import { actorOf } from '../helpers/requests-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// SOP 004 as use cases: the consequence test's quality checks, the office's approval chain
// (approve or return with a reason, in order), decrees that reach the offices below, revocation.

let t: TestApp;
let ctx: Ctx;
const at: Record<string, Actor> = {};
const ids: Record<string, string> = {};

async function fieldsOf(p: Promise<unknown>): Promise<string[]> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return (e as AppError).fields.map((f) => f.field);
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-04T02:00:00Z' });
  ctx = { db: t.db.db, clock: t.clock };
  for (const slug of ['kpu-kota-bandung', 'kpu-ri', 'kpu-prov-jawa-barat', 'kpu-kab-bogor'])
    ids[slug] = (await office(t.db.db, slug)).id;
  for (const [key, role, slug] of [
    ['ppid', 'PPID', 'kpu-kota-bandung'],
    ['desk', 'PETUGAS_LAYANAN', 'kpu-kota-bandung'],
    ['pembina', 'PEMBINA_PPID', 'kpu-kota-bandung'],
    ['tim', 'TIM_PERTIMBANGAN', 'kpu-kota-bandung'],
    ['atasan', 'ATASAN_PPID', 'kpu-kota-bandung'],
    ['ppidRi', 'PPID', 'kpu-ri'],
    ['ppidProv', 'PPID', 'kpu-prov-jawa-barat'],
    ['ppidBogor', 'PPID', 'kpu-kab-bogor'],
    ['adminRi', 'NATIONAL_ADMIN', 'kpu-ri'],
  ] as const) {
    at[key] = await actorOf(
      t,
      (await createStaff(t.db.db, t.clock, { name: `${key} Test`, roles: [{ office: slug, role }] })).user,
    );
  }
});
afterAll(async () => t.close());

describe('consequence test quality checks', () => {
  const bandung = () => ids['kpu-kota-bandung']!;
  it('refuses token text, naming each thin part', async () => {
    const fields = await fieldsOf(
      saveConsequenceTest(ctx, at.ppid!, {
        officeId: bandung(),
        data: sampleTest({ information: 'x', harmAnalysis: 'y', publicInterest: 'y y y y', propriety: 'ok' }),
      }),
    );
    expect(fields).toEqual(
      expect.arrayContaining(['information', 'harmAnalysis', 'publicInterest', 'propriety']),
    );
  });
  it('refuses the same text in every part', async () => {
    const same =
      'Informasi ini memuat data pribadi yang harus dilindungi demi kepentingan pemilih dan penyelenggara pemilu yang lebih besar.';
    const fields = await fieldsOf(
      saveConsequenceTest(ctx, at.ppid!, {
        officeId: bandung(),
        data: sampleTest({
          information: same,
          documentDescription: same,
          harmAnalysis: same,
          publicInterest: same,
          propriety: same,
        }),
      }),
    );
    expect(fields).toEqual(
      expect.arrayContaining(['information', 'harmAnalysis', 'publicInterest', 'propriety']),
    );
  });
  it.each([
    ['b', '7', 'subPoint'],
    ['h', '6', 'subPoint'],
    ['k', '', 'ground'],
  ])('ground %s angka %s is refused on %s', async (ground, subPoint, field) => {
    expect(
      await fieldsOf(
        saveConsequenceTest(ctx, at.ppid!, { officeId: bandung(), data: sampleTest({ ground, subPoint }) }),
      ),
    ).toContain(field);
  });
  it('a closed result needs a period; a test at a request needs the request', async () => {
    expect(
      await fieldsOf(
        saveConsequenceTest(ctx, at.ppid!, {
          officeId: bandung(),
          data: sampleTest({ periodCondition: '', periodUntil: '' }),
        }),
      ),
    ).toContain('periodUntil');
    expect(
      await fieldsOf(
        saveConsequenceTest(ctx, at.ppid!, {
          officeId: bandung(),
          data: sampleTest({ occasion: 'AT_REQUEST' }),
        }),
      ),
    ).toContain('requestId');
  });
  it('only the PPID records a test', async () => {
    await expect(
      saveConsequenceTest(ctx, at.desk!, { officeId: bandung(), data: sampleTest() }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      saveConsequenceTest(ctx, at.ppidBogor!, { officeId: bandung(), data: sampleTest() }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the approval chain (seed 004 step 2, default Pembina PPID → Tim Pertimbangan → Atasan PPID)', () => {
  it('goes in order; a return needs a reason and sends the test back; resubmitted it starts again', async () => {
    const officeId = ids['kpu-kota-bandung']!;
    const test = await saveConsequenceTest(ctx, at.ppid!, { officeId, data: sampleTest() });
    await submitForApproval(ctx, at.ppid!, { officeId, subject: 'TEST', id: test.id });
    await expect(
      decideApproval(ctx, at.atasan!, {
        officeId,
        subject: 'TEST',
        id: test.id,
        data: { decision: 'APPROVED' },
      }),
    ).rejects.toMatchObject({ key: 'exemptions.error.notYourTurn' });
    await decideApproval(ctx, at.pembina!, {
      officeId,
      subject: 'TEST',
      id: test.id,
      data: { decision: 'APPROVED' },
    });
    expect(
      await fieldsOf(
        decideApproval(ctx, at.tim!, {
          officeId,
          subject: 'TEST',
          id: test.id,
          data: { decision: 'RETURNED', reason: 'x' },
        }),
      ),
    ).toEqual(['reason']);
    await decideApproval(ctx, at.tim!, {
      officeId,
      subject: 'TEST',
      id: test.id,
      data: { decision: 'RETURNED', reason: 'Analisis kepentingan publik belum menyebut pengumuman DPT.' },
    });
    expect((await findTest(t.db.db, officeId, test.id))!.status).toBe('RETURNED');
    await saveConsequenceTest(ctx, at.ppid!, {
      officeId,
      testId: test.id,
      data: sampleTest({
        publicInterest:
          'Kepentingan publik atas akurasi daftar pemilih terpenuhi melalui pengumuman DPS dan DPT dengan NIK yang disamarkan sebagian.',
      }),
    });
    await submitForApproval(ctx, at.ppid!, { officeId, subject: 'TEST', id: test.id });
    for (const who of ['pembina', 'tim', 'atasan'])
      await decideApproval(ctx, at[who]!, {
        officeId,
        subject: 'TEST',
        id: test.id,
        data: { decision: 'APPROVED' },
      });
    const done = (await findTest(t.db.db, officeId, test.id))!;
    expect(done.status).toBe('APPROVED');
    const history = await listApprovals(t.db.db, officeId, 'TEST', test.id);
    expect(history.map((h) => `${h.role}:${h.decision}`)).toEqual([
      'PEMBINA_PPID:APPROVED',
      'TIM_PERTIMBANGAN:RETURNED',
      'PEMBINA_PPID:APPROVED',
      'TIM_PERTIMBANGAN:APPROVED',
      'ATASAN_PPID:APPROVED',
    ]);
    // An approved test cannot be edited.
    await expect(
      saveConsequenceTest(ctx, at.ppid!, { officeId, testId: test.id, data: sampleTest() }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('follows the chain the office sets (here: the Atasan PPID alone)', async () => {
    const officeId = ids['kpu-kota-bandung']!;
    const settings = await getOfficeSettings(t.db.db, officeId);
    await updateOfficeSettings(ctx, cliActor(), {
      officeId,
      settings: { ...settings, exemptions: { ...settings.exemptions, approvalChain: ['ATASAN_PPID'] } },
    });
    const test = await saveConsequenceTest(ctx, at.ppid!, { officeId, data: sampleTest() });
    await submitForApproval(ctx, at.ppid!, { officeId, subject: 'TEST', id: test.id });
    await expect(
      decideApproval(ctx, at.pembina!, {
        officeId,
        subject: 'TEST',
        id: test.id,
        data: { decision: 'APPROVED' },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await decideApproval(ctx, at.atasan!, {
        officeId,
        subject: 'TEST',
        id: test.id,
        data: { decision: 'APPROVED' },
      }),
    ).toEqual({ status: 'APPROVED' });
    await updateOfficeSettings(ctx, cliActor(), { officeId, settings });
  });

  it('a decree needs entries and approved tests; it comes into force only when the chain is complete', async () => {
    const officeId = ids['kpu-kota-bandung']!;
    const test = await saveConsequenceTest(ctx, at.ppid!, { officeId, data: sampleTest() });
    const decree = await saveDecree(ctx, at.ppid!, {
      officeId,
      data: sampleDecree({ number: '13/PP.02-Kpt/3273/2026', testIds: [test.id] }),
    });
    await expect(
      submitForApproval(ctx, at.ppid!, { officeId, subject: 'DECREE', id: decree.id }),
    ).rejects.toMatchObject({ key: 'exemptions.error.noEntries' });
    await saveExemptionEntry(ctx, at.desk!, { officeId, decreeId: decree.id, data: sampleEntry() });
    await expect(
      submitForApproval(ctx, at.ppid!, { officeId, subject: 'DECREE', id: decree.id }),
    ).rejects.toMatchObject({ key: 'exemptions.error.testsNotApproved' });
    await submitForApproval(ctx, at.ppid!, { officeId, subject: 'TEST', id: test.id });
    await approveAll(ctx, officeId, 'TEST', test.id);
    await submitForApproval(ctx, at.ppid!, { officeId, subject: 'DECREE', id: decree.id });
    await decideApproval(ctx, at.pembina!, {
      officeId,
      subject: 'DECREE',
      id: decree.id,
      data: { decision: 'APPROVED' },
    });
    await decideApproval(ctx, at.tim!, {
      officeId,
      subject: 'DECREE',
      id: decree.id,
      data: { decision: 'APPROVED' },
    });
    expect(
      (await listDikEntries(t.db.db, await office(t.db.db, 'kpu-kota-bandung'))).some(
        (e) => e.decreeId === decree.id,
      ),
    ).toBe(false);
    await decideApproval(ctx, at.atasan!, {
      officeId,
      subject: 'DECREE',
      id: decree.id,
      data: { decision: 'APPROVED' },
    });
    expect((await findDecree(t.db.db, officeId, decree.id))!.status).toBe('ACTIVE');
    const inForce = await listDikEntries(t.db.db, await office(t.db.db, 'kpu-kota-bandung'));
    expect(inForce.filter((e) => e.decreeId === decree.id).map((e) => [e.status, e.inheritedFrom])).toEqual([
      ['ACTIVE', null],
    ]);
    await expect(
      saveExemptionEntry(ctx, at.desk!, { officeId, decreeId: decree.id, data: sampleEntry() }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('decrees that flow down', () => {
  it('only KPU RI (and a province where the national admin allows it) may reach the offices below', async () => {
    expect(
      await fieldsOf(
        saveDecree(ctx, at.ppidBogor!, {
          officeId: ids['kpu-kab-bogor']!,
          data: sampleDecree({ reach: 'DESCENDANTS' }),
        }),
      ),
    ).toEqual(['reach']);
    expect(
      await fieldsOf(
        saveDecree(ctx, at.ppidProv!, {
          officeId: ids['kpu-prov-jawa-barat']!,
          data: sampleDecree({ reach: 'DESCENDANTS' }),
        }),
      ),
    ).toEqual(['reach']);
    const root = ids['kpu-ri']!;
    const s = await getOfficeSettings(t.db.db, root);
    await updateOfficeSettings(ctx, at.adminRi!, {
      officeId: root,
      settings: { ...s, exemptions: { ...s.exemptions, provincesReachDown: true } },
    });
    const { decree } = await activeDecree(ctx, at.ppidProv!, ids['kpu-prov-jawa-barat']!, {
      decree: { number: '5/PP.02-Kpt/32/2026', reach: 'DESCENDANTS' },
    });
    const bogor = await listDikEntries(t.db.db, await office(t.db.db, 'kpu-kab-bogor'));
    expect(bogor.filter((e) => e.decreeId === decree.id).map((e) => e.inheritedFrom)).toEqual([
      'kpu-prov-jawa-barat',
    ]);
    const bandungSeesIt = (await listDikEntries(t.db.db, await office(t.db.db, 'kpu-kota-bandung'))).some(
      (e) => e.decreeId === decree.id,
    );
    expect(bandungSeesIt).toBe(true); // Kota Bandung is in Jawa Barat too
    const aceh = await listDikEntries(t.db.db, await office(t.db.db, 'kip-kab-aceh-selatan'));
    expect(aceh.some((e) => e.decreeId === decree.id)).toBe(false);
    await updateOfficeSettings(ctx, at.adminRi!, { officeId: root, settings: s });
  });

  it('a KPU RI decree is in force at every office below; revoked, it ends everywhere with the history kept', async () => {
    const root = ids['kpu-ri']!;
    const { decree } = await activeDecree(ctx, at.ppidRi!, root, {
      decree: {
        number: '1050/PP.02-Kpt/01/KPU/XI/2026',
        reach: 'DESCENDANTS',
        officialName: 'Ketua KPU',
        officialPosition: 'Ketua Komisi Pemilihan Umum',
      },
      entry: {
        information: 'Data pribadi calon pada formulir Model BB.1 (riwayat kesehatan, NIK)',
        ground: 'h',
        subPoint: '2',
      },
    });
    const all = await listOffices(t.db.db);
    expect(all.length).toBe(553);
    let seen = 0;
    const started = performance.now();
    for (const o of all) {
      const rows = await listDikEntries(t.db.db, o);
      const mine = rows.filter((e) => e.decreeId === decree.id);
      if (mine.length === 1 && mine[0]!.inheritedFrom === (o.id === root ? null : 'kpu-ri')) seen++;
    }
    const perOffice = (performance.now() - started) / all.length;
    expect(seen).toBe(553);
    expect(perOffice).toBeLessThan(200);
    // An office below cannot edit the inherited entry (it is not its own).
    const inherited = (await listDikEntries(t.db.db, await office(t.db.db, 'kpu-kota-bandung'))).find(
      (e) => e.decreeId === decree.id,
    )!;
    await expect(
      saveExemptionEntry(ctx, at.ppid!, {
        officeId: ids['kpu-kota-bandung']!,
        decreeId: decree.id,
        entryId: inherited.id,
        data: sampleEntry(),
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      revokeDecree(ctx, at.ppid!, {
        officeId: ids['kpu-kota-bandung']!,
        decreeId: decree.id,
        data: { reason: 'Dicabut setelah kritik publik atas cakupan pengecualian yang terlalu luas.' },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await revokeDecree(ctx, at.ppidRi!, {
      officeId: root,
      decreeId: decree.id,
      data: { reason: 'Dicabut setelah kritik publik atas cakupan pengecualian yang terlalu luas.' },
    });
    const bandung = await office(t.db.db, 'kpu-kota-bandung');
    expect((await listDikEntries(t.db.db, bandung)).some((e) => e.decreeId === decree.id)).toBe(false);
    const history = await listDikEntries(t.db.db, bandung, { statuses: ['EXPIRED', 'REVOKED'] });
    expect(history.filter((e) => e.decreeId === decree.id).map((e) => [e.status, e.inheritedFrom])).toEqual([
      ['REVOKED', 'kpu-ri'],
    ]);
  });
});
