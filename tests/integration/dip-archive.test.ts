import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/platform/errors.ts';
import { createPdf, pdfToBuffer } from '../../src/platform/pdf/pdf.ts';
import { listArchiveItems } from '../../src/modules/archive/queries.ts';
import { completeDipStep } from '../../src/modules/dip/complete-step.ts';
import { findActiveCycle, listWorkingEntries } from '../../src/modules/dip/queries.ts';
import { saveDipEntry } from '../../src/modules/dip/save-dip-entry.ts';
import { sendBackDipStep } from '../../src/modules/dip/send-back-step.ts';
import { startDipCycle } from '../../src/modules/dip/start-cycle.ts';
import { cliActor } from '../../src/modules/access/actor.ts';
import { saveDecree } from '../../src/modules/exemptions/save-decree.ts';
import { saveExemptionEntry } from '../../src/modules/exemptions/save-exemption-entry.ts';
import { citableEntryId, sampleDecree, sampleEntry } from '../helpers/exemptions-fixtures.ts';
import { dipTeam, entry, postMultipart, useSeed001 } from '../helpers/dip-fixtures.ts';
import { office, TEST_PASSWORD } from '../helpers/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';
import { pdfText } from '../helpers/read-pdf.ts';
import { releasePublicSoftcopies } from '../../src/modules/redaction/public-release.ts';

// Seed 003: documented information counts — and may be public — only after the Atasan PPID
// approves it; exempt information is never public. Uploads are checked by content and size.

const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let team: Awaited<ReturnType<typeof dipTeam>>;
let officeId: string;
let petugas: TestClient;
let atasan: TestClient;
let unitA: TestClient;
const ids: Record<string, string> = {};
let pdfBytes: Buffer;
const ctx = () => ({ db: t.db.db, clock: t.clock });

async function pdf(title: string): Promise<Buffer> {
  const doc = createPdf({ title });
  doc.text(title);
  return pdfToBuffer(doc);
}

async function register(
  client: TestClient,
  fields: Record<string, string>,
  files: { filename: string; bytes: Buffer }[] = [],
) {
  const res = await postMultipart(
    t.app,
    client,
    `/staff/${OFFICE}/arsip`,
    fields,
    files.map((f) => ({ name: 'file', ...f })),
    `/staff/${OFFICE}/arsip`,
  );
  return res;
}
const itemIdOf = (location: string | undefined) =>
  /\/arsip\/([0-9a-f-]{36})$/.exec(location ?? '')?.[1] ?? '';
const decide = (id: string, decision: string, note = '') =>
  atasan.post(
    `/staff/${OFFICE}/arsip/${id}/keputusan`,
    { decision, note },
    { csrfFrom: `/staff/${OFFICE}/arsip/${id}` },
  );

beforeAll(async () => {
  t = await createTestApp({ now: '2026-02-02T02:00:00Z', env: { UPLOAD_MAX_MB: '1' } });
  team = await dipTeam(t.db.db, t.clock, OFFICE);
  officeId = (await office(t.db.db, OFFICE)).id;
  await useSeed001(ctx(), team, officeId);
  pdfBytes = await pdf('Laporan Keuangan Tahun 2025');
  for (const [name, actor] of [
    ['petugas', team.petugas],
    ['atasan', team.atasan],
    ['unitA', team.unitAStaff],
  ] as const) {
    const c = new TestClient(t.app);
    await c.login(actor.email, TEST_PASSWORD);
    if (name === 'petugas') petugas = c;
    else if (name === 'atasan') atasan = c;
    else unitA = c;
  }
});
afterAll(async () => {
  await t.close();
});

const base = { unitId: '', classificationCode: 'ku.01.02', retention: '10 tahun', access: 'PUBLIC' };

describe('registering documentation (seed 003 step 1)', () => {
  it('stores a softcopy content-addressed, with its hardcopy location, waiting for approval', async () => {
    const res = await register(
      petugas,
      {
        ...base,
        unitId: team.unitB.id,
        title: 'Laporan Keuangan Tahun 2025 (audited)',
        building: 'Gedung A',
        room: 'Ruang Keuangan',
        cabinet: 'Lemari 2',
        box: 'Boks 5',
      },
      [{ filename: 'lapkeu.pdf', bytes: pdfBytes }],
    );
    expect(res.statusCode).toBe(302);
    ids.lapkeu = itemIdOf(res.headers.location as string);
    const [item] = await listArchiveItems(t.db.db, officeId);
    expect(item).toMatchObject({
      status: 'PENDING',
      classificationCode: 'KU.01.02',
      building: 'Gedung A',
      box: 'Boks 5',
    });
    const page = await petugas.get(`/staff/${OFFICE}/arsip/${ids.lapkeu}`);
    expect(page.body).toContain(createHash('sha256').update(pdfBytes).digest('hex').slice(0, 12));
  });

  it('registers hardcopy-only and exempt items too, and needs a softcopy or a location', async () => {
    const where = await register(petugas, { ...base, unitId: team.unitB.id, title: 'Tanpa lokasi' });
    expect(where.statusCode).toBe(400);
    expect(where.body).toContain('Unggah softcopy atau isi lokasi hardcopy');
    const hard = await register(petugas, {
      ...base,
      unitId: team.unitA.id,
      title: 'Notulen rapat pleno',
      building: 'Gedung A',
      room: 'Ruang Rapat',
    });
    ids.notulen = itemIdOf(hard.headers.location as string);
    // Issue 10: an item marked exempt must point at a DIK entry in force, named by its label when it does not.
    const ktp = { ...base, unitId: team.unitA.id, title: 'Salinan KTP-el pemilih', access: 'EXEMPT' };
    const ktpFile = [{ filename: 'ktp-el-pemilih.pdf', bytes: await pdf('KTP-el pemilih') }];
    const noEntry = await register(petugas, ktp, ktpFile);
    expect(noEntry.statusCode).toBe(400);
    expect(noEntry.body).toContain(
      'Dasar pengecualian (entri DIK yang berlaku): Dokumen yang dikecualikan harus menunjuk entri DIK yang berlaku.',
    );
    expect(noEntry.body).not.toContain('exemptionEntryId:');
    const draftDecree = await saveDecree(ctx(), cliActor(), {
      officeId,
      data: sampleDecree({ number: 'DRAFT-ARSIP/2026' }),
    });
    const draftEntry = await saveExemptionEntry(ctx(), cliActor(), {
      officeId,
      decreeId: draftDecree.id,
      data: sampleEntry(),
    });
    const notInForce = await register(petugas, { ...ktp, exemptionEntryId: draftEntry.id }, ktpFile);
    expect(notInForce.statusCode).toBe(400);
    expect(notInForce.body).toContain('Entri DIK ini tidak (lagi) berlaku di kantor ini.');
    expect((await listArchiveItems(t.db.db, officeId)).map((i) => i.title)).not.toContain(
      'Salinan KTP-el pemilih',
    );
    const entryId = await citableEntryId(ctx(), officeId);
    const form = await petugas.get(`/staff/${OFFICE}/arsip`);
    expect(form.body).toContain(`value="${entryId}"`); // the picker offers the entries in force
    const exempt = await register(petugas, { ...ktp, exemptionEntryId: entryId }, ktpFile);
    expect(exempt.statusCode).toBe(302);
    ids.ktp = itemIdOf(exempt.headers.location as string);
    const pending = await register(
      petugas,
      { ...base, unitId: team.unitA.id, title: 'Draf jadwal sosialisasi' },
      [{ filename: 'jadwal-draf.pdf', bytes: await pdf('Draf jadwal') }],
    );
    ids.pending = itemIdOf(pending.headers.location as string);
    expect(Object.values(ids).every((id) => id.length === 36)).toBe(true);
  });

  it('checks uploads by content and size: no programs or archives, nothing over the limit', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const refused = await register(petugas, { ...base, unitId: team.unitA.id, title: 'Program' }, [
      { filename: 'laporan.pdf', bytes: exe },
    ]);
    expect(refused.statusCode).toBe(415);
    const zip = Buffer.from('504b0304140000000000000000000000000000000000000000000000000000000000', 'hex');
    expect(
      (
        await register(petugas, { ...base, unitId: team.unitA.id, title: 'Arsip zip' }, [
          { filename: 'a.zip', bytes: zip },
        ])
      ).statusCode,
    ).toBe(415);
    const big = Buffer.concat([pdfBytes, Buffer.alloc(1_200_000, 32)]);
    const tooBig = await register(petugas, { ...base, unitId: team.unitA.id, title: 'Besar' }, [
      { filename: 'besar.pdf', bytes: big },
    ]);
    expect(tooBig.statusCode).toBe(413);
    expect((await listArchiveItems(t.db.db, officeId)).map((i) => i.title)).not.toContain('Program');
  });

  it('lets a unit register only for itself and see only its own items', async () => {
    const other = await register(unitA, {
      ...base,
      unitId: team.unitB.id,
      title: 'Bukan unit saya',
      building: 'Gedung A',
    });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('dokumen unit Anda sendiri');
    const own = await register(unitA, {
      ...base,
      unitId: team.unitA.id,
      title: 'Materi sosialisasi',
      building: 'Gedung A',
    });
    expect(own.statusCode).toBe(302);
    const list = await unitA.get(`/staff/${OFFICE}/arsip`);
    expect(list.body).toContain('Materi sosialisasi');
    expect(list.body).not.toContain('Laporan Keuangan Tahun 2025 (audited)');
    expect((await unitA.get(`/staff/${OFFICE}/arsip/${ids.lapkeu}`)).statusCode).toBe(404);
  });
});

describe('approval by the Atasan PPID gates publication (seed 003 step 2)', () => {
  it('is only for the Atasan PPID, and a rejection needs a reason', async () => {
    expect(
      (
        await petugas.post(
          `/staff/${OFFICE}/arsip/${ids.lapkeu}/keputusan`,
          { decision: 'APPROVED' },
          { csrfFrom: `/staff/${OFFICE}/arsip` },
        )
      ).statusCode,
    ).toBe(403);
    expect((await decide(ids.pending!, 'REJECTED')).statusCode).toBe(400);
    for (const k of ['lapkeu', 'notulen', 'ktp'])
      expect((await decide(ids[k]!, 'APPROVED')).statusCode).toBe(302);
    expect((await decide(ids.lapkeu!, 'APPROVED')).statusCode).toBe(409);
  });

  it('keeps the DIP from being published while an entry links an unapproved item', async () => {
    const cycle = await startDipCycle(ctx(), team.ppid, { officeId, data: { year: 2026 } });
    await saveDipEntry(ctx(), team.ppid, { officeId, data: entry({ archiveItemIds: [ids.lapkeu!] }) });
    await saveDipEntry(ctx(), team.ppid, {
      officeId,
      data: entry({
        documentTitle: 'Rekapitulasi DPT',
        category: 'SETIAP_SAAT',
        archiveItemIds: [ids.ktp!, ids.notulen!],
      }),
    });
    const withPending = await saveDipEntry(ctx(), team.ppid, {
      officeId,
      data: entry({ documentTitle: 'Jadwal sosialisasi', archiveItemIds: [ids.pending!] }),
    });
    const step = (actor: typeof team.ppid, position: number, data: Record<string, string> = {}) =>
      completeDipStep(ctx(), actor, { officeId, cycleId: cycle.id, position, data });
    await step(team.ppid, 1);
    await step(team.petugas, 2);
    await step(team.ppid, 3, {
      decreeNumber: '1/PPID/2026',
      decreeDate: '2026-02-02',
      decreeSignerName: 'Rina',
      decreeSignerTitle: 'PPID KPU Kota Bandung',
    });
    await step(team.ppid, 4, { documentTo: 'Unit Pelayanan Informasi', note: 'Unggah' });
    const refused = await step(team.petugas, 5).catch((e: unknown) => e);
    expect(isAppError(refused) && [refused.key, refused.params]).toEqual([
      'dip.error.unapprovedArchive',
      { count: 1 },
    ]);
    // The pending item is rejected; the publication step is sent back to consolidation, where
    // the link is taken out, and the cycle runs on.
    expect((await decide(ids.pending!, 'REJECTED', 'Belum final')).statusCode).toBe(302);
    await sendBackDipStep(ctx(), team.petugas, {
      officeId,
      cycleId: cycle.id,
      data: { position: 5, target: 2, note: 'Lepas dokumen yang ditolak' },
    });
    await saveDipEntry(ctx(), team.ppid, {
      officeId,
      entryId: withPending.id,
      data: entry({ documentTitle: 'Jadwal sosialisasi', archiveItemIds: [] }),
    });
    await step(team.petugas, 2);
    await step(team.ppid, 3, {
      decreeNumber: '1/PPID/2026',
      decreeDate: '2026-02-02',
      decreeSignerName: 'Rina',
      decreeSignerTitle: 'PPID KPU Kota Bandung',
    });
    await step(team.ppid, 4, { documentTo: 'Unit Pelayanan Informasi', note: 'Unggah' });
    const { version } = await step(team.petugas, 5);
    expect(version?.entryCount).toBe(3);
    expect(await findActiveCycle(t.db.db, officeId)).toBeUndefined();
    expect((await listWorkingEntries(t.db.db, officeId, cycle.id)).length).toBe(3);
  });
});

describe('what the public sees', () => {
  const entryUrl = async (title: string) => {
    const list = (await t.app.inject(`/api/v1/dip/entries?office=${OFFICE}`)).json() as {
      entries: { documentTitle: string; url: string }[];
    };
    return list.entries.find((e) => e.documentTitle === title)!.url;
  };

  it('downloads the softcopy of an approved public item: the same text, without metadata (ADR 0068)', async () => {
    const url = await entryUrl('Laporan Keuangan Tahun 2025');
    const page = await t.app.inject(url);
    expect(page.body).toContain('lapkeu.pdf');
    const href = /href="([^"]+\/berkas\/[^"]+)"/.exec(page.body)![1]!;
    const file = await t.app.inject(href);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(await pdfText(file.rawPayload)).toBe(await pdfText(pdfBytes));
    expect(file.rawPayload.includes(Buffer.from('/Producer'))).toBe(false);
    // After the sweep the stored file is the cleaned copy, and its published SHA-256 is the download's.
    await releasePublicSoftcopies(t.db.db, t.app.services.files, t.clock.now());
    const again = await t.app.inject(url);
    const href2 = /href="([^"]+\/berkas\/[^"]+)"/.exec(again.body)![1]!;
    const swept = await t.app.inject(href2);
    expect(again.body).toContain(createHash('sha256').update(swept.rawPayload).digest('hex').slice(0, 16));
  });

  it('never shows an exempt item: not on the page, in the API, the feed or the national search', async () => {
    const url = await entryUrl('Rekapitulasi DPT');
    const page = await t.app.inject(url);
    expect(page.body).not.toContain('ktp-el-pemilih.pdf');
    expect(page.body).not.toContain('Salinan KTP-el pemilih');
    const [, year, key] = /\/dip\/(\d+)\/([0-9a-f-]+)$/.exec(url)!;
    const api = (await t.app.inject(`/api/v1/dip/${OFFICE}/${year}/${key}`)).json();
    expect(api.downloads).toEqual([]);
    for (const path of [
      `/${OFFICE}/dip/atom.xml`,
      '/dip?q=ktp',
      '/dip?q=rekapitulasi',
      `/${OFFICE}/dip`,
      `/api/v1/dip/entries?q=ktp`,
    ]) {
      const body = (await t.app.inject(path)).body;
      expect(body, path).not.toContain('ktp-el-pemilih');
      expect(body, path).not.toContain('Salinan KTP-el');
    }
    // Guessing the file's URL does not help either.
    const fileId = (await listArchiveItems(t.db.db, officeId)).find(
      (i) => i.title === 'Salinan KTP-el pemilih',
    )!.id;
    const staffPage = await petugas.get(`/staff/${OFFICE}/arsip/${fileId}`);
    const ktpFile = /\/berkas\/([0-9a-f-]{36})"/.exec(staffPage.body)![1]!;
    expect((await t.app.inject(`${url}/berkas/${ktpFile}`)).statusCode).toBe(404);
    expect((await t.app.inject(`/staff/${OFFICE}/arsip/${fileId}/berkas/${ktpFile}`)).statusCode).toBe(302);
  });

  it('withdraws a download as soon as the item is changed, until it is approved again', async () => {
    const url = await entryUrl('Laporan Keuangan Tahun 2025');
    const href = /href="([^"]+\/berkas\/[^"]+)"/.exec((await t.app.inject(url)).body)![1]!;
    const edit = await petugas.post(
      `/staff/${OFFICE}/arsip/${ids.lapkeu}`,
      {
        ...base,
        unitId: team.unitB.id,
        title: 'Laporan Keuangan Tahun 2025 (audited, revisi)',
        building: 'Gedung A',
      },
      { csrfFrom: `/staff/${OFFICE}/arsip/${ids.lapkeu}` },
    );
    expect(edit.statusCode).toBe(302);
    expect((await t.app.inject(href)).statusCode).toBe(404);
    expect((await t.app.inject(url)).body).not.toContain('lapkeu.pdf');
    await decide(ids.lapkeu!, 'APPROVED');
    expect((await t.app.inject(href)).statusCode).toBe(200);
  });
});
