import { formatDate, formatDateTime } from '../../platform/i18n.ts';
import {
  createPdf,
  drawLetterhead,
  drawSignature,
  pdfToBuffer,
  type Letterhead,
} from '../../platform/pdf/pdf.ts';
import type { Office } from '../offices/queries.ts';
import type { ProcedureStep } from './model.ts';
import type { StepRun } from './queries.ts';

// The nota dinas and the lembar disposisi of a DIP cycle (regulation.md §9: from, to,
// subject, instruction, date; seed 000 steps 1–6). A nota dinas stays a KONSEP until the
// step that signs it (seed 000 step 6) is done.

export interface MemoInput {
  office: Office;
  letterhead: Letterhead;
  city: string;
  year: number;
  step: ProcedureStep;
  run: StepRun;
  /** The completed SIGN run after this nota dinas, if any. */
  signed: { run: StepRun; step: ProcedureStep } | null;
}

function row(pdf: PDFKit.PDFDocument, label: string, value: string, left: number, width: number): void {
  const y = pdf.y;
  pdf.font('regular').fontSize(10.5).text(label, left, y, { width: 80 });
  pdf.text(':', left + 80, y, { width: 10 });
  pdf.text(value, left + 92, y, { width: width - 92 });
  pdf.moveDown(0.2);
}

export async function renderMemoPdf(m: MemoInput): Promise<Buffer> {
  const isNota = m.step.kind === 'NOTA_DINAS';
  const title = isNota ? 'NOTA DINAS' : 'LEMBAR DISPOSISI';
  const pdf = createPdf({
    title: `${isNota ? 'Nota Dinas' : 'Disposisi'} ${m.run.documentNumber ?? ''} — DIP ${m.year}`.trim(),
  });
  drawLetterhead(pdf, m.letterhead);
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  pdf.font('bold').fontSize(13).text(title, left, pdf.y, { width, align: 'center', underline: true });
  if (m.run.documentNumber)
    pdf.font('regular').fontSize(10.5).text(`Nomor: ${m.run.documentNumber}`, { width, align: 'center' });
  if (isNota && !m.signed)
    pdf
      .font('italic')
      .fontSize(10)
      .fillColor('#a4161a')
      .text('KONSEP — belum ditandatangani', { width, align: 'center' })
      .fillColor('#000000');
  pdf.moveDown(1);
  const endedAt = m.run.endedAt ?? m.run.startedAt;
  const from = m.signed ? m.signed.step.actorLabel : m.step.actorLabel;
  row(pdf, 'Yth.', m.run.documentTo ?? '—', left, width);
  row(pdf, 'Dari', from, left, width);
  row(pdf, 'Tanggal', formatDate(endedAt, 'id', m.office.timezone), left, width);
  row(
    pdf,
    'Perihal',
    m.run.documentSubject ?? `Penyusunan Daftar Informasi Publik Tahun ${m.year}`,
    left,
    width,
  );
  pdf.moveDown(0.3);
  pdf
    .moveTo(left, pdf.y)
    .lineTo(left + width, pdf.y)
    .lineWidth(0.8)
    .stroke();
  pdf.moveDown(0.8);
  pdf
    .font('regular')
    .fontSize(10.5)
    .text(isNota ? (m.run.note ?? '') : `Isi disposisi: ${m.run.note ?? ''}`, left, pdf.y, {
      width,
      align: 'justify',
    });
  pdf.moveDown(0.5);
  pdf
    .font('italic')
    .fontSize(8.5)
    .fillColor('#555555')
    .text(
      `${m.step.title} (SOP langkah ${m.step.sopStepNo}); dicatat ${formatDateTime(endedAt, 'id', m.office.timezone)} oleh ${m.run.actorName ?? m.run.actorLabel ?? '—'}.`,
      { width },
    )
    .fillColor('#000000');
  const signer = m.signed ?? (isNota ? null : { run: m.run, step: m.step });
  if (signer) {
    drawSignature(pdf, {
      placeAndDate: `${m.city}, ${formatDate(signer.run.endedAt ?? endedAt, 'id', m.office.timezone)}`,
      title: `${signer.step.actorLabel},`,
      name: signer.run.actorName ?? signer.run.actorLabel ?? '',
    });
  }
  return pdfToBuffer(pdf);
}
