import { formatDate, formatDateTime } from '../../../platform/i18n.ts';
import { drawSignature, drawTable, numberPages, pdfToBuffer } from '../../../platform/pdf/pdf.ts';
import type { ServiceReport } from '../build-service-report.ts';
import { CATEGORY_ID, CHANNEL_ID, OUTCOME_ID, REQUESTER_TYPE_ID, STATUS_ID } from '../labels-id.ts';
import { PPID_TITLE } from '../decide-request.ts';
import type { ReportSigners } from '../report-signers.ts';
import type { IssuedBy } from '../schema.ts';
import { paragraph, placeAndDate, startLetter, twoSignatures } from './letter-kit.ts';

function table(doc: PDFKit.PDFDocument, title: string, rows: [string, number | string][]): void {
  // Keep a section's title with its table (title, header and a first row: about 60 pt).
  if (doc.y + 60 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  paragraph(doc, title, { bold: true });
  drawTable(
    doc,
    [
      { header: 'Uraian', width: 5 },
      { header: 'Jumlah', width: 1, align: 'right' },
    ],
    rows.map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), String(v)]),
    { fontSize: 8.5 },
  );
  doc.moveDown(0.6);
}

/** Laporan harian / bulanan layanan informasi publik (seed 002 steps 7-8), counts only. */
export async function renderServiceReportPdf(input: {
  report: ServiceReport;
  issuedBy: IssuedBy;
  logoPng: Buffer | null;
  signers: ReportSigners;
  printedAt: Date;
  /** Further count tables of other capabilities (objections and disputes), printed after these. */
  extra?: { title: string; rows: [string, number | string][] }[];
  /** Drawn after the tables (the charts of issue 11). */
  draw?: (doc: PDFKit.PDFDocument) => void;
}): Promise<Buffer> {
  const { report: r, issuedBy } = input;
  const title =
    r.kind === 'daily'
      ? 'LAPORAN HARIAN LAYANAN INFORMASI PUBLIK'
      : r.kind === 'monthly'
        ? 'LAPORAN BULANAN LAYANAN INFORMASI PUBLIK'
        : 'LAPORAN LAYANAN INFORMASI PUBLIK';
  const period =
    r.kind === 'daily'
      ? formatDate(r.from, 'id')
      : `${formatDate(r.from, 'id')} s.d. ${formatDate(r.to, 'id')}`;
  const doc = startLetter(issuedBy, input.logoPng, title, `Periode ${period}`);
  table(doc, 'Ringkasan', [
    ['Permohonan diterima', r.received],
    ['Pemberitahuan tertulis diterbitkan', r.decided],
    [
      'Rata-rata lama proses sampai pemberitahuan tertulis (hari kerja)',
      r.averageWorkingDaysToDecision ?? '-',
    ],
    ['Pemberitahuan tertulis yang melewati tenggat', r.lateDecisions],
    ['Permohonan belum dijawab yang melewati tenggat', r.overdueOpen],
    ['Perpanjangan waktu', r.extensions],
  ]);
  table(
    doc,
    'Permohonan diterima menurut saluran',
    Object.entries(r.byChannel).map(([k, v]) => [CHANNEL_ID[k as keyof typeof CHANNEL_ID], v]),
  );
  table(
    doc,
    'Menurut kategori informasi',
    Object.entries(r.byCategory).map(([k, v]) => [CATEGORY_ID[k as keyof typeof CATEGORY_ID], v]),
  );
  table(
    doc,
    'Menurut jenis pemohon',
    Object.entries(r.byRequesterType).map(([k, v]) => [
      REQUESTER_TYPE_ID[k as keyof typeof REQUESTER_TYPE_ID],
      v,
    ]),
  );
  table(
    doc,
    'Keputusan (pemberitahuan tertulis pada periode ini)',
    Object.entries(r.byOutcome).map(([k, v]) => [OUTCOME_ID[k as keyof typeof OUTCOME_ID], v]),
  );
  table(
    doc,
    'Status terkini permohonan yang diterima pada periode ini',
    Object.entries(r.byStatus)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => [STATUS_ID[k as keyof typeof STATUS_ID], v]),
  );
  for (const extra of input.extra ?? []) table(doc, extra.title, extra.rows);
  input.draw?.(doc);
  if (r.kind === 'daily' && r.items.length > 0) {
    paragraph(doc, 'Daftar permohonan yang diterima', { bold: true });
    drawTable(
      doc,
      [
        { header: 'Nomor', width: 3 },
        { header: 'Diterima', width: 2 },
        { header: 'Saluran', width: 2 },
        { header: 'Kategori', width: 3 },
        { header: 'Status', width: 3 },
      ],
      r.items.map((i) => [
        i.number,
        formatDateTime(i.receivedAt, 'id', r.office.timezone),
        CHANNEL_ID[i.channel],
        CATEGORY_ID[i.category],
        STATUS_ID[i.status],
      ]),
      { fontSize: 8 },
    );
  }
  const { reporter, ppidName } = input.signers;
  if (reporter.position === PPID_TITLE) {
    // The PPID reports: one signature, under the PPID's own title.
    drawSignature(doc, {
      placeAndDate: placeAndDate(issuedBy, input.printedAt),
      title: `${PPID_TITLE},`,
      name: reporter.name,
    });
  } else {
    twoSignatures(
      doc,
      placeAndDate(issuedBy, input.printedAt),
      { title: `Mengetahui,\n${PPID_TITLE}`, name: ppidName ?? '(...............................)' },
      { title: `Yang melaporkan,\n${reporter.position}`, name: reporter.name },
    );
  }
  numberPages(doc, (p, n) => `${title} · ${period} · Halaman ${p} dari ${n}`);
  return pdfToBuffer(doc);
}
