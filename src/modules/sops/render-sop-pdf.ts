import {
  createPdf,
  drawLetterhead,
  drawSignature,
  drawTable,
  numberPages,
  pdfToBuffer,
  type Letterhead,
  type Pdf,
} from '../../platform/pdf/pdf.ts';
import type { Sop, SopStep } from './queries.ts';

// The standard SOP document as the seeds lay it out: the identity block, the six boxes (legal
// basis, qualifications, related SOPs, equipment, warnings, records) and the step table with
// one column per executor and the mutu baku (requirement, time, output).

const numberedList = (items: string[]) =>
  items.length === 0 ? '—' : items.map((x, i) => `${i + 1}. ${x}`).join('\n');

function heading(pdf: Pdf, text: string): void {
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  pdf.font('bold').fontSize(11).text(text, pdf.page.margins.left, pdf.y, { width, align: 'center' });
}

export async function renderSopPdf(input: {
  sop: Sop;
  steps: SopStep[];
  letterhead: Letterhead;
}): Promise<Buffer> {
  const { sop, steps } = input;
  const pdf = createPdf({ title: `SOP ${sop.title}`, size: 'F4' });
  drawLetterhead(pdf, input.letterhead);
  heading(pdf, 'STANDAR OPERASIONAL PROSEDUR');
  heading(pdf, sop.title.toUpperCase());
  pdf.moveDown(0.8);
  drawTable(
    pdf,
    [
      { header: sop.organization.join('\n'), width: 5 },
      { header: '', width: 7 },
    ],
    [
      ['Nomor SOP', sop.number],
      ['Tanggal Pembuatan', sop.madeOn ?? '—'],
      ['Tanggal Revisi', sop.revisedOn ?? '—'],
      ['Tanggal Efektif', sop.effectiveOn ?? '—'],
      ['Tanggal Pengesahan', sop.approvedOn ?? '—'],
      ['Disahkan oleh', [sop.approverTitle, sop.approverName].filter(Boolean).join('\n')],
      ['Nama SOP', sop.title],
    ],
    { fontSize: 9 },
  );
  pdf.moveDown(0.8);
  const pair = (a: string, aItems: string[], b: string, bItems: string[]) => {
    drawTable(
      pdf,
      [
        { header: a, width: 1 },
        { header: b, width: 1 },
      ],
      [[numberedList(aItems), numberedList(bItems)]],
      { fontSize: 8.5 },
    );
  };
  pair('Dasar Hukum', sop.legalBasis, 'Kualifikasi Pelaksana', [
    ...sop.qualifications,
    ...(sop.executorCount ? [`Jumlah pelaksana: ${sop.executorCount}`] : []),
  ]);
  pair('Keterkaitan', sop.relatedSops, 'Peralatan/Perlengkapan', sop.equipment);
  pair('Peringatan', sop.warnings, 'Pencatatan dan Pendataan', sop.records);
  drawSignature(pdf, {
    placeAndDate: sop.approvedOn ? `Disahkan ${sop.approvedOn}` : 'Disahkan oleh',
    title: `${sop.approverTitle},`,
    name: sop.approverName ?? '',
  });

  pdf.addPage({
    layout: 'landscape',
    size: [609.45, 935.43],
    margins: { top: 50, bottom: 50, left: 56, right: 56 },
  });
  heading(pdf, `PROSEDUR: ${sop.title.toUpperCase()}`);
  pdf.moveDown(0.5);
  drawTable(
    pdf,
    [
      { header: 'No.', width: 3, align: 'center' },
      { header: 'Uraian Prosedur', width: 24 },
      ...sop.actorColumns.map((a) => ({
        header: `Pelaksana:\n${a}`,
        width: Math.max(6, Math.min(9, 48 / sop.actorColumns.length)),
        align: 'center' as const,
      })),
      { header: 'Mutu Baku:\nKelengkapan/ Persyaratan', width: 12 },
      { header: 'Mutu Baku:\nWaktu', width: 8 },
      { header: 'Mutu Baku:\nOutput', width: 11 },
      { header: 'Ket.', width: 10 },
    ],
    steps.map((s) => [
      s.stepNo,
      s.description,
      ...sop.actorColumns.map((a) => (s.actors.includes(a) ? '✓' : '')),
      s.requirement ?? '',
      s.timeText ?? '',
      s.output ?? '',
      s.remark ?? '',
    ]),
    { fontSize: 8 },
  );
  if (sop.sourceNote) {
    pdf.moveDown(0.5);
    pdf
      .font('italic')
      .fontSize(7.5)
      .fillColor('#555555')
      .text(`Sumber: ${sop.sourceNote}`)
      .fillColor('#000000');
  }
  numberPages(pdf, (p, n) => `SOP ${sop.title} — Halaman ${p} dari ${n}`);
  return pdfToBuffer(pdf);
}
