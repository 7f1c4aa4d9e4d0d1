import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '../../src/jobs.ts';
import { saveDipEntry } from '../../src/modules/dip/save-dip-entry.ts';
import { listMarks } from '../../src/modules/redaction/queries.ts';
import {
  SAMPLE_PEOPLE,
  samplePeoplePdf,
  workbookWithHiddenNiks,
} from '../../src/modules/redaction/samples.ts';
import { JobWorker } from '../../src/platform/jobs/queue.ts';
import { dipTeam, entry, postMultipart, publishYear, useSeed001 } from '../helpers/dip-fixtures.ts';
import { office, TEST_PASSWORD } from '../helpers/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';
import { unzip } from '../helpers/zip.ts';

// The release step through the staff pages, on archive softcopies that the DIP publishes: a
// PDF list of people whose NIKs are blacked out, and a workbook whose hidden sheet of NIKs
// is scrubbed. The public entry page and API then serve the released copies, marked redacted.

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

beforeAll(async () => {
  t = await createTestApp({ now: '2026-02-02T02:00:00Z' });
  team = await dipTeam(t.db.db, t.clock, OFFICE);
  officeId = (await office(t.db.db, OFFICE)).id;
  await useSeed001(ctx(), team, officeId);
  worker = new JobWorker({ db: t.db.db, clock: t.clock, definitions: jobDefinitions(t.config) });
  dir = await mkdtemp(path.join(tmpdir(), 'redaction-web-'));
  for (const [name, actor] of [
    ['ppid', team.ppid],
    ['petugas', team.petugas],
    ['atasan', team.atasan],
  ] as const) {
    const c = new TestClient(t.app);
    await c.login(actor.email, TEST_PASSWORD);
    if (name === 'ppid') ppid = c;
    else if (name === 'petugas') petugas = c;
    else atasan = c;
  }
  const base = { unitId: team.unitA.id, classificationCode: 'PP.07', retention: '5 tahun', access: 'PUBLIC' };
  for (const [key, title, filename, bytes] of [
    ['pdf', 'Daftar petugas KPPS', 'daftar-kpps.pdf', await samplePeoplePdf({ pages: 2, hidden: true })],
    ['xlsx', 'Rekap petugas KPPS', 'rekap-kpps.xlsx', await workbookWithHiddenNiks()],
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

async function start(key: string): Promise<string> {
  const url = `/staff/${OFFICE}/rilis/arsip/${ids[key]}`;
  const page = await ppid.get(url);
  expect(page.statusCode).toBe(200);
  const fileId = /name="fileId" value="([0-9a-f-]{36})"/.exec(page.body)![1]!;
  const res = await ppid.post(url, { fileId, names: '' }, { csrfFrom: url });
  expect(res.statusCode).toBe(302);
  return /\/redaksi\/([0-9a-f-]{36})$/.exec(res.headers.location as string)![1]!;
}

describe('the release step in the staff pages', () => {
  it('is the PPID’s: the desk may not open it', async () => {
    expect((await petugas.get(`/staff/${OFFICE}/rilis/arsip/${ids.pdf}`)).statusCode).toBe(403);
    expect((await ppid.get(`/staff/${OFFICE}/arsip/${ids.pdf}`)).body).toContain(`/rilis/arsip/${ids.pdf}`);
  });

  it('shows progress, then pages with suggestions; marks, decisions and the release through forms', async () => {
    const id = await start('pdf');
    const ws = `/staff/${OFFICE}/redaksi/${id}`;
    const busy = await ppid.get(ws);
    expect(busy.body).toContain('Sedang menyiapkan halaman');
    expect(busy.body).toContain('http-equiv="refresh"');
    await worker.runOnce();
    const ready = await ppid.get(ws);
    expect(ready.body).toContain('Siap ditandai');
    expect(ready.body).toContain('NIK: NIK 3273********0001');
    expect(ready.body).not.toContain(SAMPLE_PEOPLE[0]!.nik);
    expect(ready.body).toContain('Metadata dokumen: ');
    const png = await ppid.get(`${ws}/halaman/1`);
    expect(png.headers['content-type']).toBe('image/png');
    expect((await petugas.get(`${ws}/halaman/1`)).statusCode).toBe(403);
    // A bad area names the field by its label; nothing is written.
    const bad = await ppid.post(
      `${ws}/tanda`,
      { mode: 'AREA', page: '1', left: '50', top: '10', right: '50', bottom: '20', reason: 'PERSONAL_DATA' },
      { csrfFrom: ws },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Area terlalu kecil');
    // Two areas drawn by the PPID; NIK suggestions accepted, the others rejected.
    for (const area of [
      { left: '9', top: '28', right: '30', bottom: '33.5' },
      { left: '9', top: '53', right: '44', bottom: '71' },
    ]) {
      expect(
        (
          await ppid.post(
            `${ws}/tanda`,
            { mode: 'AREA', page: '1', ...area, reason: 'PASAL17', ground: 'h', subPoint: '1' },
            { csrfFrom: ws },
          )
        ).statusCode,
      ).toBe(302);
    }
    const refused = await ppid.post(`${ws}/terapkan`, {}, { csrfFrom: ws });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('saran yang belum diputuskan');
    for (const m of (await listMarks(t.db.db, officeId, id)).filter((m) => m.origin === 'SUGGESTION')) {
      const res = await ppid.post(
        `${ws}/tanda/${m.id}`,
        { decision: m.detector === 'NIK' ? 'ACCEPTED' : 'REJECTED' },
        { csrfFrom: ws },
      );
      expect(res.statusCode).toBe(302);
    }
    const preview = await ppid.get(`${ws}/pratinjau/1`);
    expect(preview.headers['content-type']).toBe('image/png');
    expect((await ppid.post(`${ws}/terapkan`, {}, { csrfFrom: ws })).statusCode).toBe(302);
    expect((await ppid.get(ws)).body).toContain('Sedang menghitamkan');
    await worker.runOnce();
    const done = await ppid.get(ws);
    expect(done.body).toContain('data-testid="redacted-file"');
  });

  it('scrubs a workbook’s hidden sheet, rows, columns and comments', async () => {
    const id = await start('xlsx');
    await worker.runOnce();
    const ws = `/staff/${OFFICE}/redaksi/${id}`;
    const ready = await ppid.get(ws);
    expect(ready.body).toContain('Lembar tersembunyi: Data');
    expect(ready.body).toContain('Lembar sangat tersembunyi: Sangat');
    expect(ready.body).toContain('Kolom tersembunyi: Rekap!C');
    expect((await ppid.post(`${ws}/terapkan`, {}, { csrfFrom: ws })).statusCode).toBe(302);
    await worker.runOnce();
    expect((await ppid.get(ws)).body).toContain('data-testid="redacted-file"');
  });

  it('the public DIP serves the released copies, marked redacted, with the grounds', async () => {
    await publishYear(ctx(), team, officeId, 2026, async () => {
      await saveDipEntry(ctx(), team.ppid, {
        officeId,
        data: entry({ documentTitle: 'Daftar petugas KPPS 2026', archiveItemIds: [ids.pdf!, ids.xlsx!] }),
      });
    });
    const list = (await t.app.inject(`/api/v1/dip/entries?office=${OFFICE}`)).json() as {
      entries: { documentTitle: string; url: string }[];
    };
    const url = list.entries.find((e) => e.documentTitle === 'Daftar petugas KPPS 2026')!.url;
    const [, year, key] = /\/dip\/(\d+)\/([0-9a-f-]+)$/.exec(url)!;
    const api = (await t.app.inject(`/api/v1/dip/${OFFICE}/${year}/${key}`)).json() as {
      downloads: { name: string; url: string; redacted: boolean; redactionGrounds: string[] }[];
    };
    expect(api.downloads.map((d) => [d.name, d.redacted])).toEqual(
      expect.arrayContaining([
        ['daftar-kpps-dihitamkan.pdf', true],
        ['rekap-kpps-bersih.xlsx', true],
      ]),
    );
    expect(api.downloads).toHaveLength(2);
    expect(api.downloads.find((d) => d.name.endsWith('.pdf'))!.redactionGrounds).toEqual(
      expect.arrayContaining([expect.stringContaining('Pasal 17 huruf h angka 1')]),
    );
    const page = await t.app.inject(url);
    expect(page.body).toContain('Sebagian isi dihitamkan');
    const pdf = await t.app.inject(api.downloads.find((d) => d.name.endsWith('.pdf'))!.url);
    const file = path.join(dir, 'public.pdf');
    await writeFile(file, pdf.rawPayload);
    const text = (await run('pdftotext', [file, '-'])).stdout;
    for (const p of SAMPLE_PEOPLE) expect(text).not.toContain(p.nik);
    expect(text).toContain('Jadwal rapat pleno');
    expect((await run('pdfinfo', [file])).stdout).not.toMatch(/^(Title|Author|Producer|Creator):/m);
    const xlsx = await t.app.inject(api.downloads.find((d) => d.name.endsWith('.xlsx'))!.url);
    const parts = await unzip(xlsx.rawPayload);
    const all = [...parts.values()].map((b) => b.toString('utf8')).join('\n');
    for (const p of SAMPLE_PEOPLE) expect(all).not.toContain(p.nik);
    expect(all).not.toContain('Operator Rahasia');
  });
});
