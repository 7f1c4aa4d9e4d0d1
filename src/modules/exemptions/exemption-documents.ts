import type { Db } from '../../platform/db/database.ts';
import { formatDate } from '../../platform/i18n.ts';
import {
  createPdf,
  drawLetterhead,
  drawSignature,
  drawTable,
  numberPages,
  pdfToBuffer,
  type Pdf,
} from '../../platform/pdf/pdf.ts';
import { citePasal17, PASAL17 } from '../law/pasal17.ts';
import { letterCity, letterheadOf } from '../offices/letterhead.ts';
import { getOfficeSettings, type Office } from '../offices/queries.ts';
import { legalBasisText } from './public-dik.ts';
import {
  findTest,
  listApprovals,
  listDecreeEntries,
  listDikEntries,
  type ExemptionDecree,
  type ExemptionEntry,
  type ExemptionTest,
} from './queries.ts';

// The documents of SOP 004, on the office's letterhead: the consequence-test record (lembar
// pengujian konsekuensi) with its signature table, the classification decree with its annex
// (information, legal basis, consequence / public-interest consideration, open or closed,
// period), and the public DIK list.

const ROLE_ID: Record<string, string> = {
  PEMBINA_PPID: 'Pembina PPID',
  TIM_PERTIMBANGAN: 'Tim Pertimbangan',
  ATASAN_PPID: 'Atasan PPID',
  PPID: 'PPID',
};

export function periodId(e: { periodUntil: string | null; periodCondition: string | null }): string {
  return (
    [e.periodUntil ? `sampai dengan ${formatDate(e.periodUntil, 'id')}` : null, e.periodCondition]
      .filter(Boolean)
      .join('; ') || '-'
  );
}

function width(pdf: Pdf): number {
  return pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
}

function heading(pdf: Pdf, lines: string[]): void {
  for (const l of lines)
    pdf
      .font('bold')
      .fontSize(11)
      .text(l, pdf.page.margins.left, pdf.y, { width: width(pdf), align: 'center' });
  pdf.moveDown(0.8);
}

function rows(pdf: Pdf, items: [string, string][]): void {
  const left = pdf.page.margins.left;
  const labelW = 150;
  for (const [label, value] of items) {
    const y = pdf.y;
    pdf.font('bold').fontSize(9.5).text(label, left, y, { width: labelW });
    const afterLabel = pdf.y;
    pdf
      .font('regular')
      .fontSize(9.5)
      .text(value || '-', left + labelW + 8, y, { width: width(pdf) - labelW - 8, align: 'justify' });
    pdf.y = Math.max(pdf.y, afterLabel);
    pdf.moveDown(0.3);
  }
  pdf.x = left;
}

async function head(db: Db, office: Office) {
  const settings = await getOfficeSettings(db, office.id);
  return { letterhead: letterheadOf(office, settings), city: letterCity(office, settings) };
}

/** Berita acara / lembar pengujian konsekuensi (Perki 1/2021 Pasal 49). */
export async function renderTestPdfFor(db: Db, office: Office, test: ExemptionTest): Promise<Buffer> {
  const { letterhead, city } = await head(db, office);
  const approvals = (await listApprovals(db, office.id, 'TEST', test.id)).filter(
    (a) => a.decision === 'APPROVED',
  );
  const pdf = createPdf({ title: `Lembar Pengujian Konsekuensi ${office.name} ${test.heldOn}` });
  drawLetterhead(pdf, letterhead);
  heading(pdf, [
    'LEMBAR PENGUJIAN KONSEKUENSI',
    'INFORMASI YANG DIKECUALIKAN',
    `${office.name.toUpperCase()}`,
  ]);
  const spec = PASAL17[test.ground];
  rows(pdf, [
    ['Dokumen yang memuat informasi', test.documentDescription],
    ['Informasi yang diuji', test.information],
    [
      'Dasar pengecualian',
      `${citePasal17(test.ground, test.subPoint)} (${spec.title.id}${test.subPoint ? `: ${spec.subPoints[test.subPoint - 1]}` : ''})`,
    ],
    ['Peraturan perundang-undangan lain', test.otherStatute ?? '-'],
    ['Konsekuensi apabila informasi dibuka', test.harmAnalysis],
    ['Pertimbangan kepentingan publik', test.publicInterest],
    ['Kepatutan dan kesusilaan', test.propriety],
    [
      'Hasil pengujian',
      test.closed ? `Informasi DITUTUP ${test.whole ? 'seluruhnya' : 'sebagian'}` : 'Informasi DIBUKA',
    ],
    ['Jangka waktu pengecualian', test.closed ? periodId(test) : '-'],
    [
      'Waktu pengujian',
      test.occasion === 'BEFORE_REQUEST'
        ? 'Sebelum adanya permohonan informasi'
        : test.occasion === 'AT_REQUEST'
          ? 'Pada saat permohonan informasi'
          : 'Atas perintah Majelis Komisioner dalam sengketa informasi',
    ],
    ['Tempat dan tanggal', `${test.place}, ${formatDate(test.heldOn, 'id')}`],
  ]);
  pdf.moveDown(0.6);
  pdf.font('bold').fontSize(10).text('Peserta pengujian', pdf.page.margins.left);
  pdf.moveDown(0.3);
  drawTable(
    pdf,
    [
      { header: 'No.', width: 0.5, align: 'center' },
      { header: 'Nama', width: 3 },
      { header: 'Jabatan', width: 3 },
      { header: 'Tanda tangan', width: 2.5 },
    ],
    test.participants.map((p, i) => [String(i + 1), p.name, p.position, '']),
    { fontSize: 9 },
  );
  pdf.moveDown(0.8);
  pdf.font('bold').fontSize(10).text('Persetujuan', pdf.page.margins.left);
  pdf.moveDown(0.3);
  drawTable(
    pdf,
    [
      { header: 'Peran', width: 2.5 },
      { header: 'Nama', width: 3 },
      { header: 'Disetujui dalam sistem', width: 3.5 },
    ],
    test.chain.map((role, i) => {
      const a = approvals.filter((x) => x.step === i).at(-1);
      return [
        ROLE_ID[role] ?? role,
        a?.actorName ?? '',
        a ? formatDate(a.at, 'id', office.timezone) : 'belum',
      ];
    }),
    { fontSize: 9 },
  );
  drawSignature(pdf, {
    placeAndDate: `${city}, ${formatDate(test.heldOn, 'id')}`,
    title: `PPID ${office.name},`,
    name: test.participants[0]?.name ?? '',
  });
  numberPages(pdf, (p, n) => `Lembar Pengujian Konsekuensi — Halaman ${p} dari ${n}`);
  return pdfToBuffer(pdf);
}

function annexTable(
  pdf: Pdf,
  entries: readonly (ExemptionEntry & {
    issuerName?: string;
    inheritedFrom?: string | null;
    decreeNumber?: string;
  })[],
  withDecree: boolean,
): void {
  const cols = [
    { header: 'No.', width: 0.5, align: 'center' as const },
    { header: 'Informasi yang dikecualikan', width: 3 },
    { header: 'Dasar hukum pengecualian', width: 3 },
    { header: 'Konsekuensi / pertimbangan kepentingan publik', width: 3.5 },
    { header: 'Terbuka / tertutup', width: 1.4 },
    { header: 'Jangka waktu', width: 2 },
    ...(withDecree ? [{ header: 'Keputusan', width: 2 }] : []),
  ];
  drawTable(
    pdf,
    cols,
    entries.map((e, i) => [
      String(i + 1),
      `${e.information}${e.holderUnit ? ` (${e.holderUnit})` : ''}`,
      legalBasisText(e),
      e.consideration,
      e.whole ? 'Tertutup seluruhnya' : 'Tertutup sebagian',
      periodId(e),
      ...(withDecree ? [`${e.decreeNumber ?? ''}${e.inheritedFrom ? ` (${e.issuerName})` : ''}`] : []),
    ]),
    { fontSize: 8 },
  );
}

/** Keputusan tentang Penetapan Daftar Informasi yang Dikecualikan, with its annex. */
export async function renderDecreePdfFor(db: Db, office: Office, decree: ExemptionDecree): Promise<Buffer> {
  const { letterhead, city } = await head(db, office);
  const entries = await listDecreeEntries(db, office.id, decree.id);
  const tests = (await Promise.all(decree.testIds.map((id) => findTest(db, office.id, id)))).filter(
    (x): x is ExemptionTest => x !== undefined,
  );
  const pdf = createPdf({ title: `Keputusan ${decree.number}`, size: 'F4' });
  drawLetterhead(pdf, letterhead);
  const status =
    decree.status === 'REVOKED'
      ? ' (DICABUT)'
      : decree.status === 'ACTIVE' || decree.status === 'EXPIRED'
        ? ''
        : ' (RANCANGAN)';
  heading(pdf, [
    `KEPUTUSAN ${decree.officialPosition.toUpperCase()}${status}`,
    `NOMOR ${decree.number}`,
    'TENTANG',
    decree.title.toUpperCase(),
  ]);
  rows(pdf, [
    ['Menimbang', decree.reasons],
    [
      'Mengingat',
      'Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik, Pasal 17 sampai dengan Pasal 20; Peraturan Pemerintah Nomor 61 Tahun 2010; Peraturan Komisi Informasi Nomor 1 Tahun 2017 tentang Pengklasifikasian Informasi Publik; Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik.',
    ],
    [
      'Uji konsekuensi',
      tests.length
        ? tests.map((x) => `${x.place}, ${formatDate(x.heldOn, 'id')}: ${x.information}`).join('; ')
        : '-',
    ],
    [
      'Menetapkan',
      `Daftar Informasi yang Dikecualikan di lingkungan ${office.name}${decree.reach === 'DESCENDANTS' ? ' dan seluruh satuan kerja di bawahnya' : ''} sebanyak ${entries.length} informasi sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.`,
    ],
  ]);
  if (decree.status === 'REVOKED' && decree.revokeReason)
    rows(pdf, [
      [
        'Dicabut',
        `${decree.endedAt ? formatDate(decree.endedAt, 'id', office.timezone) : ''}: ${decree.revokeReason}`,
      ],
    ]);
  drawSignature(pdf, {
    placeAndDate: `Ditetapkan di ${city}\npada tanggal ${formatDate(decree.decreeDate, 'id')}`,
    title: `${decree.officialPosition},`,
    name: decree.officialName,
  });
  pdf.addPage({
    layout: 'landscape',
    size: [609.45, 935.43],
    margins: { top: 50, bottom: 50, left: 56, right: 56 },
  });
  pdf
    .font('regular')
    .fontSize(9)
    .text(
      `LAMPIRAN KEPUTUSAN ${decree.officialPosition.toUpperCase()}\nNOMOR ${decree.number}\nTANGGAL ${formatDate(decree.decreeDate, 'id').toUpperCase()}`,
    );
  pdf.moveDown(1);
  annexTable(pdf, entries, false);
  numberPages(pdf, (p, n) => `Keputusan Nomor ${decree.number} — Halaman ${p} dari ${n}`);
  return pdfToBuffer(pdf);
}

/** The public DIK list: every entry in force at the office, own and inherited. */
export async function renderDikPdfFor(db: Db, office: Office, printedOn: string): Promise<Buffer> {
  const { letterhead } = await head(db, office);
  const entries = await listDikEntries(db, office);
  const pdf = createPdf({ title: `Daftar Informasi yang Dikecualikan ${office.name}`, landscape: true });
  drawLetterhead(pdf, letterhead);
  heading(pdf, [
    'DAFTAR INFORMASI YANG DIKECUALIKAN',
    office.name.toUpperCase(),
    `Keadaan per ${formatDate(printedOn, 'id')}`,
  ]);
  if (entries.length === 0)
    pdf
      .font('regular')
      .fontSize(10)
      .text('Belum ada informasi yang ditetapkan sebagai informasi yang dikecualikan.');
  else annexTable(pdf, entries, true);
  numberPages(pdf, (p, n) => `Daftar Informasi yang Dikecualikan ${office.name} — Halaman ${p} dari ${n}`);
  return pdfToBuffer(pdf);
}
