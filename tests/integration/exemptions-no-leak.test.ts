import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideArchiveItem } from '../../src/modules/archive/decide-archive-item.ts';
import { saveArchiveItem } from '../../src/modules/archive/save-archive-item.ts';
import { listVersionEntries } from '../../src/modules/dip/queries.ts';
import { saveDipEntry } from '../../src/modules/dip/save-dip-entry.ts';
import { revokeDecree } from '../../src/modules/exemptions/revoke-decree.ts';
import { createPdf, pdfToBuffer } from '../../src/platform/pdf/pdf.ts';
import { activeDecree } from '../helpers/exemptions-fixtures.ts';
import { dipTeam, entry, publishYear, useSeed001 } from '../helpers/dip-fixtures.ts';
import { office } from '../helpers/factories.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Issue 10: nothing in force as exempt appears in a public page, a download, the DIP export, the
// Atom feed or a search result. A published DIP entry (with a public softcopy) is tested and
// exempted in whole by a decree in force; every public reading leaves it out, one test each.
// Before the decree every one of these readings shows it (checked in beforeAll), so each test
// fails if its filter is taken away; after the revocation it is public again.

const OFFICE = 'kpu-kota-bandung';
const HELD = 'Memorandum rute distribusi logistik pemungutan suara ulang';
const OPEN = 'Laporan Keuangan Tahun 2025';
let t: TestApp;
let team: Awaited<ReturnType<typeof dipTeam>>;
let officeId: string;
let heldUrl = '';
let fileUrl = '';
let decreeId = '';
const ctx = () => ({ db: t.db.db, clock: t.clock });
const get = async (url: string) => t.app.inject(url);
const readings = {
  page: () => [`/${OFFICE}/dip`, `/${OFFICE}/dip?kategori=BERKALA`],
  search: () => [
    '/dip?q=memorandum+rute+logistik',
    `/${OFFICE}/dip?q=memorandum+logistik`,
    '/api/v1/dip/entries?q=memorandum+logistik',
    `/api/v1/dip/entries?office=${OFFICE}`,
  ],
  feed: () => [`/${OFFICE}/dip/atom.xml`],
  export: () => [`/${OFFICE}/dip/2026/dip.csv`],
};

beforeAll(async () => {
  t = await createTestApp({ now: '2026-01-06T02:00:00Z' });
  officeId = (await office(t.db.db, OFFICE)).id;
  team = await dipTeam(t.db.db, t.clock, OFFICE);
  await useSeed001(ctx(), team, officeId);
  const doc = createPdf({ title: HELD });
  doc.text(HELD);
  const item = await saveArchiveItem(
    { ...ctx(), files: t.files, uploadMaxBytes: 5 * 1048576 },
    team.petugas,
    {
      officeId,
      data: {
        title: 'Nota dinas rute logistik PSU',
        unitId: team.unitB.id,
        classificationCode: 'KU.02',
        retention: '5 tahun',
        access: 'PUBLIC',
      },
      uploads: [{ filename: 'memo-rute.pdf', bytes: await pdfToBuffer(doc) }],
    },
  );
  await decideArchiveItem(ctx(), team.atasan, { officeId, itemId: item.id, data: { decision: 'APPROVED' } });
  const { version } = await publishYear(ctx(), team, officeId, 2026, async () => {
    await saveDipEntry(ctx(), team.ppid, { officeId, data: entry({ documentTitle: OPEN }) });
    await saveDipEntry(ctx(), team.ppid, {
      officeId,
      data: entry({
        documentTitle: HELD,
        summary: 'Memorandum internal tentang rute dan jadwal distribusi logistik',
        archiveItemIds: [item.id],
      }),
    });
  });
  const held = (await listVersionEntries(t.db.db, officeId, version.id)).find(
    (e) => e.documentTitle === HELD,
  )!;
  heldUrl = `/${OFFICE}/dip/2026/${held.entryKey}`;
  fileUrl = /href="([^"]+\/berkas\/[^"]+)"/.exec((await get(heldUrl)).body)![1]!;
  // Before the exemption: every reading shows it.
  for (const url of [...readings.page(), ...readings.search(), ...readings.feed(), ...readings.export()])
    expect((await get(url)).body, url).toContain('Memorandum rute distribusi');
  expect((await get(fileUrl)).statusCode).toBe(200);

  t.clock.set('2026-01-07T02:00:00Z');
  const { decree } = await activeDecree(ctx(), team.ppid, officeId, {
    test: {
      documentKind: 'DIP',
      dipEntryKey: held.entryKey,
      heldOn: '2026-01-07',
      ground: 'i',
      subPoint: '',
      whole: 'WHOLE',
      periodCondition: '',
      periodUntil: '2026-06-30',
      information: 'Memorandum internal tentang rute distribusi logistik pemungutan suara ulang',
    },
    decree: { number: 'NL-1/2026', decreeDate: '2026-01-07' },
    entry: {
      information: HELD,
      ground: 'i',
      subPoint: '',
      whole: 'WHOLE',
      periodCondition: '',
      periodUntil: '2026-06-30',
      legalBasis: 'Peraturan KPU tentang Pengelolaan Logistik Pemilihan',
    },
  });
  decreeId = decree.id;
});
afterAll(async () => t?.close());

describe('an entry held exempt by a decree in force is public nowhere', () => {
  it('public pages: not in the office DIP (any category), and its own page is not found', async () => {
    for (const url of readings.page()) {
      const body = (await get(url)).body;
      expect(body, url).toContain(OPEN);
      expect(body, url).not.toContain('Memorandum rute distribusi');
    }
    expect((await get(heldUrl)).statusCode).toBe(404);
    const [, year, key] = /\/dip\/(\d+)\/([0-9a-f-]+)$/.exec(heldUrl)!;
    expect((await get(`/api/v1/dip/${OFFICE}/${year}/${key}`)).statusCode).toBe(404);
  });

  it('downloads: its softcopy is not served, even by its exact address', async () => {
    expect((await get(fileUrl)).statusCode).toBe(404);
  });

  it('the DIP export: not in the published CSV', async () => {
    const csv = (await get(readings.export()[0]!)).body;
    expect(csv).toContain(OPEN);
    expect(csv).not.toContain('Memorandum rute distribusi');
  });

  it('the Atom feed: not among the entries', async () => {
    const xml = (await get(readings.feed()[0]!)).body;
    expect(xml).toContain(OPEN);
    expect(xml).not.toContain('Memorandum rute distribusi');
  });

  it('search: not found by the national search, the office search or the API', async () => {
    for (const url of readings.search())
      expect((await get(url)).body, url).not.toContain('Memorandum rute distribusi');
  });

  it('is public again once the decree is revoked', async () => {
    await revokeDecree(ctx(), team.ppid, {
      officeId,
      decreeId,
      data: {
        reason: 'Pemungutan suara ulang telah selesai dilaksanakan; pengecualian tidak diperlukan lagi.',
      },
    });
    expect((await get(heldUrl)).statusCode).toBe(200);
    expect((await get(readings.feed()[0]!)).body).toContain('Memorandum rute distribusi');
  });
});
