import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '../../src/jobs.ts';
import { saveDipEntry } from '../../src/modules/dip/save-dip-entry.ts';
import {
  documentWithHiddenText,
  odsWithHiddenSheet,
  OFFICE_SECRETS,
} from '../../src/modules/redaction/office-samples.ts';
import { releasePublicSoftcopies } from '../../src/modules/redaction/public-release.ts';
import { listMarks, listRedactionsOf } from '../../src/modules/redaction/queries.ts';
import { samplePeoplePdf } from '../../src/modules/redaction/samples.ts';
import { JobWorker } from '../../src/platform/jobs/queue.ts';
import { dipTeam, entry, postMultipart, publishYear, useSeed001 } from '../helpers/dip-fixtures.ts';
import { office, TEST_PASSWORD } from '../helpers/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';
import { unzip } from '../helpers/zip.ts';

// Issue 14, the rest of the release step: the office lets the desk (Petugas) prepare files; the
// PPID keeps a list of names the detector always suggests; a DOCX is scrubbed in the step; and
// public softcopies nobody put through the step are never served as uploaded — cleaned at
// download, then swept through the step so the published SHA-256 is the served file's.

const run = promisify(execFile);
const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let team: Awaited<ReturnType<typeof dipTeam>>;
let officeId: string;
let ppid: TestClient;
let petugas: TestClient;
let atasan: TestClient;
let worker: JobWorker;
let dir: string;
const ids: Record<string, string> = {};
const ctx = () => ({ db: t.db.db, clock: t.clock });
const settingsUrl = `/staff/${OFFICE}/rilis/pengaturan`;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-02-02T02:00:00Z' });
  team = await dipTeam(t.db.db, t.clock, OFFICE);
  officeId = (await office(t.db.db, OFFICE)).id;
  await useSeed001(ctx(), team, officeId);
  worker = new JobWorker({ db: t.db.db, clock: t.clock, definitions: jobDefinitions(t.config) });
  dir = await mkdtemp(path.join(tmpdir(), 'redaction-office-'));
  ppid = new TestClient(t.app);
  await ppid.login(team.ppid.email, TEST_PASSWORD);
  petugas = new TestClient(t.app);
  await petugas.login(team.petugas.email, TEST_PASSWORD);
  atasan = new TestClient(t.app);
  await atasan.login(team.atasan.email, TEST_PASSWORD);
  const base = { unitId: team.unitA.id, classificationCode: 'PP.07', retention: '5 tahun', access: 'PUBLIC' };
  for (const [key, title, filename, bytes] of [
    ['docx', 'Rekap santunan (DOCX)', 'rekap-santunan.docx', await documentWithHiddenText()],
    ['pdf', 'Daftar petugas KPPS', 'daftar-kpps.pdf', await samplePeoplePdf({ pages: 1, hidden: true })],
    ['ods', 'Rekap santunan (ODS)', 'rekap-santunan.ods', await odsWithHiddenSheet()],
    ['meta', 'Jadwal rapat pleno', 'jadwal.pdf', await samplePeoplePdf({ pages: 1, hidden: true })],
  ] as const) {
    const res = await postMultipart(
      t.app,
      petugas,
      `/staff/${OFFICE}/arsip`,
      { ...base, title },
      [{ name: 'file', filename, bytes }],
      `/staff/${OFFICE}/arsip`,
    );
    expect(res.statusCode).toBe(302);
    ids[key] = /\/arsip\/([0-9a-f-]{36})$/.exec(res.headers.location as string)![1]!;
    const ok = await atasan.post(
      `/staff/${OFFICE}/arsip/${ids[key]}/keputusan`,
      { decision: 'APPROVED', note: '' },
      { csrfFrom: `/staff/${OFFICE}/arsip/${ids[key]}` },
    );
    expect(ok.statusCode).toBe(302);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await t.close();
});

async function start(client: TestClient, key: string): Promise<string> {
  const url = `/staff/${OFFICE}/rilis/arsip/${ids[key]}`;
  const page = await client.get(url);
  expect(page.statusCode).toBe(200);
  const fileId = /name="fileId" value="([0-9a-f-]{36})"/.exec(page.body)![1]!;
  const res = await client.post(url, { fileId, names: '' }, { csrfFrom: url });
  expect(res.statusCode).toBe(302);
  return /\/redaksi\/([0-9a-f-]{36})$/.exec(res.headers.location as string)![1]!;
}

describe('the release step’s settings: the desk may prepare files, the office’s names are suggested', () => {
  it('is the PPID’s to change; a bad name is refused naming the field', async () => {
    expect((await petugas.get(settingsUrl)).statusCode).toBe(403);
    expect((await petugas.get(`/staff/${OFFICE}/rilis/arsip/${ids.docx}`)).statusCode).toBe(403);
    const bad = await ppid.post(
      settingsUrl,
      { petugasMayRedact: 'on', names: 'Siti Aminah\nab' },
      { csrfFrom: settingsUrl },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Daftar nama yang selalu disarankan');
    expect(bad.body).toContain('Setiap nama 3–120 huruf');
    expect((await petugas.get(`/staff/${OFFICE}/rilis/arsip/${ids.docx}`)).statusCode).toBe(403);
    const ok = await ppid.post(
      settingsUrl,
      { petugasMayRedact: 'on', names: 'Siti Aminah\n\nsiti aminah\nBudi Santoso' },
      { csrfFrom: settingsUrl },
    );
    expect(ok.statusCode).toBe(302);
    const page = await ppid.get(settingsUrl);
    expect(page.body).toMatch(/Siti Aminah\s+Budi Santoso/);
    expect(page.body).toContain('checked');
  });

  it('the Petugas then scrubs a DOCX in the release step: the report names the hidden data, the copy has none', async () => {
    expect((await petugas.get(`/staff/${OFFICE}/arsip/${ids.docx}`)).body).toContain(
      `/rilis/arsip/${ids.docx}`,
    );
    const id = await start(petugas, 'docx');
    await worker.runOnce();
    const ws = `/staff/${OFFICE}/redaksi/${id}`;
    const ready = await petugas.get(ws);
    expect(ready.statusCode).toBe(200);
    for (const s of [
      'perubahan terlacak',
      '1 komentar sel',
      'teks atau objek tersembunyi',
      'variabel dokumen',
      'objek atau berkas tersisip',
      'Properti dokumen: title, creator, lastModifiedBy',
    ])
      expect(ready.body).toContain(s);
    expect((await petugas.post(`${ws}/terapkan`, {}, { csrfFrom: ws })).statusCode).toBe(302);
    await worker.runOnce();
    const result = await petugas.get(`${ws}/hasil`);
    expect(result.statusCode).toBe(200);
    const all = [...(await unzip(result.rawPayload)).values()].map((b) => b.toString('utf8')).join('\n');
    for (const s of OFFICE_SECRETS) expect(all).not.toContain(s);
    expect(all).toContain('Jumlah penerima: 12 orang.');
  });

  it('the office’s names are suggested on every file (and only as suggestions)', async () => {
    const id = await start(ppid, 'pdf');
    await worker.runOnce();
    const marks = await listMarks(t.db.db, officeId, id);
    const names = marks.filter((m) => m.detector === 'NAME');
    expect(names.map((m) => m.label).sort()).toEqual(['B. S.', 'S. A.']);
    expect(names.every((m) => m.status === 'PROPOSED')).toBe(true);
    const page = await ppid.get(`/staff/${OFFICE}/redaksi/${id}`);
    expect(page.body).toContain('Nama: S. A.');
    expect(page.body).not.toContain('Siti Aminah</td>');
  });
});

describe('public softcopies uploaded outside the release step', () => {
  let api: { downloads: { name: string; url: string; sha256: string; redacted: boolean }[] };
  const readApi = async () => {
    const list = (await t.app.inject(`/api/v1/dip/entries?office=${OFFICE}`)).json() as {
      entries: { documentTitle: string; url: string }[];
    };
    const url = list.entries.find((e) => e.documentTitle === 'Rekap dan jadwal 2026')!.url;
    const [, year, key] = /\/dip\/(\d+)\/([0-9a-f-]+)$/.exec(url)!;
    api = (await t.app.inject(`/api/v1/dip/${OFFICE}/${year}/${key}`)).json() as typeof api;
  };

  beforeAll(async () => {
    await publishYear(ctx(), team, officeId, 2026, async () => {
      await saveDipEntry(ctx(), team.ppid, {
        officeId,
        data: entry({ documentTitle: 'Rekap dan jadwal 2026', archiveItemIds: [ids.ods!, ids.meta!] }),
      });
    });
    await readApi();
  });

  it('are never served as uploaded: the download is cleaned even before the sweep', async () => {
    const pdf = await t.app.inject(api.downloads.find((d) => d.name === 'jadwal.pdf')!.url);
    expect(pdf.statusCode).toBe(200);
    const file = path.join(dir, 'before-sweep.pdf');
    await writeFile(file, pdf.rawPayload);
    expect((await run('pdfinfo', [file])).stdout).not.toMatch(/^(Title|Author|Keywords|Producer|Creator):/m);
    expect((await run('pdfdetach', ['-list', file])).stdout).toContain('0 embedded files');
    const ods = await t.app.inject(api.downloads.find((d) => d.name.endsWith('.ods'))!.url);
    const all = [...(await unzip(ods.rawPayload)).values()].map((b) => b.toString('utf8')).join('\n');
    for (const s of OFFICE_SECRETS) expect(all).not.toContain(s);
  });

  it('the sweep puts them through the release step: original kept, the published SHA-256 is the served file’s', async () => {
    expect(await releasePublicSoftcopies(t.db.db, t.app.services.files, t.clock.now())).toBe(2);
    expect(await releasePublicSoftcopies(t.db.db, t.app.services.files, t.clock.now())).toBe(0);
    await readApi();
    expect(api.downloads).toHaveLength(2);
    for (const d of api.downloads) {
      const res = await t.app.inject(d.url);
      expect(res.statusCode).toBe(200);
      expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(d.sha256);
    }
    // The ODS lost a hidden sheet (content): marked redacted; the PDF only lost metadata: not.
    expect(Object.fromEntries(api.downloads.map((d) => [d.name, d.redacted]))).toEqual({
      'rekap-santunan.ods': true,
      'jadwal.pdf': false,
    });
    // Each has its release-step record: original kept encrypted, the report of what was removed.
    const [r] = await listRedactionsOf(t.db.db, officeId, 'ARCHIVE', ids.ods!);
    expect(r).toMatchObject({ status: 'APPLIED', kind: 'ODS', createdBy: 'sistem' });
    expect(r!.report).toMatchObject({ hiddenSheets: ['Data'] });
    expect(r!.originalFileId).not.toBe(r!.resultFileId);
  });
});
