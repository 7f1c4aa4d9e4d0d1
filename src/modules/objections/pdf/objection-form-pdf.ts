import { periodPhraseId, statutoryPhraseId } from '../../law/periods.ts';
import { formatDate, formatDateTime } from '../../../platform/i18n.ts';
import { numberPages, pdfToBuffer } from '../../../platform/pdf/pdf.ts';
import {
  checkLine,
  labelledRows,
  paragraph,
  placeAndDate,
  startLetter,
  twoSignatures,
} from '../../requests/pdf/letter-kit.ts';
import { OBJECTION_GROUNDS } from '../grounds.ts';
import { GROUND_ID, OBJECTION_CHANNEL_ID } from '../labels-id.ts';
import type { ObjectionRow } from '../queries.ts';

/**
 * Pernyataan Keberatan atas Permohonan Informasi, Model PPID-F (Kep. KPU 156/2015; fields of
 * regulation.md §4.2), numbered: the copy the requester keeps is the receipt (Perki 1/2021 Pasal
 * 41). Part D, the day the answer will be given, is filled by the office: the due date.
 */
export async function renderObjectionFormPdf(input: {
  objection: ObjectionRow;
  logoPng: Buffer | null;
  trackingUrl: string;
}): Promise<Buffer> {
  const o = input.objection;
  const tz = o.issuedBy.timeZone;
  const doc = startLetter(
    o.issuedBy,
    input.logoPng,
    'PERNYATAAN KEBERATAN ATAS PERMOHONAN INFORMASI',
    'Model PPID-F · salinan bernomor: tanda bukti penerimaan (Perki No. 1 Tahun 2021 Pasal 41)',
  );
  const heading = (text: string) => paragraph(doc, text, { bold: true, align: 'left' });
  heading('A. INFORMASI PENGAJU KEBERATAN');
  labelledRows(
    doc,
    [
      ['Nomor registrasi keberatan', o.number],
      ['Nomor pendaftaran permohonan', o.requestNumber],
      ['Diterima', `${formatDateTime(o.receivedAt, 'id', tz)} melalui ${OBJECTION_CHANNEL_ID[o.channel]}`],
      ...(o.receivedNote ? ([['Keterangan penerimaan', o.receivedNote]] as [string, string][]) : []),
      ['Informasi yang diminta', o.informationRequested],
      ['Tujuan penggunaan informasi', o.purpose],
    ],
    { labelWidth: 172 },
  );
  paragraph(doc, 'Identitas pemohon', { bold: true, indent: 12, align: 'left' });
  labelledRows(
    doc,
    [
      ['Nama', o.requesterName],
      ['Alamat', o.requesterAddress],
      ['Pekerjaan', o.requesterOccupation ?? '-'],
      ['Nomor telepon/email', [o.requesterPhone, o.requesterEmail].filter(Boolean).join(' / ') || '-'],
    ],
    { indent: 12, labelWidth: 160 },
  );
  paragraph(doc, 'Identitas kuasa pemohon', { bold: true, indent: 12, align: 'left' });
  labelledRows(
    doc,
    o.attorneyName
      ? [
          ['Nama', o.attorneyName],
          ['Alamat', o.attorneyAddress ?? '-'],
          ['Nomor telepon', o.attorneyPhone ?? '-'],
          ['Surat kuasa khusus', 'terlampir (disimpan terenkripsi)'],
        ]
      : [['Nama', '- (diajukan sendiri oleh pemohon)']],
    { indent: 12, labelWidth: 160 },
  );

  heading('B. ALASAN PENGAJUAN KEBERATAN (UU No. 14 Tahun 2008 Pasal 35 ayat (1))');
  for (const g of OBJECTION_GROUNDS) checkLine(doc, o.grounds.includes(g), `${g}. ${GROUND_ID[g]}`);

  heading('C. KASUS POSISI');
  paragraph(doc, o.caseDescription);

  heading('D. HARI/TANGGAL TANGGAPAN ATAS KEBERATAN (diisi oleh petugas)');
  paragraph(
    doc,
    `${formatDate(o.dueDate, 'id')} — paling lambat ${o.answerDays} hari kerja sejak keberatan diterima (${
      o.deadlineProfile === 'ELECTION'
        ? `informasi tahapan pemilu, ${periodPhraseId('electionObjectionAnswer', o.answerDays)}`
        : periodPhraseId('objectionAnswer', o.answerDays)
    }).`,
  );
  for (const w of o.dueExplanation.warnings) {
    paragraph(
      doc,
      `Catatan: daftar hari libur dan cuti bersama tahun ${w.year} belum dimuat; tanggal ini dihitung dengan hari kerja Senin–Jumat dan hari libur bertanggal tetap, dan akan dihitung ulang bila daftar resmi dimuat.`,
    );
  }
  if (o.late) {
    const late = o.groundWindows
      .filter((g) => g.late)
      .map((g) => `huruf ${g.ground} (batas ${g.closesOn ? formatDate(g.closesOn, 'id') : '-'})`);
    paragraph(
      doc,
      `Catatan petugas: keberatan diterima setelah batas waktu ${statutoryPhraseId('objectionFiling')} sejak alasan keberatan timbul untuk alasan ${late.join(', ')}. Keberatan tetap dicatat untuk dipertimbangkan Atasan PPID.`,
    );
  }
  paragraph(doc, 'Demikian keberatan ini saya sampaikan, atas perhatiannya saya ucapkan terima kasih.');
  twoSignatures(
    doc,
    placeAndDate(o.issuedBy, o.receivedAt),
    { title: 'Mengetahui,\nPetugas Informasi (Penerima Keberatan)', name: o.intakeOfficerName },
    { title: '\nPengaju Keberatan', name: o.attorneyName ?? o.requesterName },
  );
  // Where to follow it: on the page's foot, so the form and both signatures stay on one page.
  const foot = `Perkembangan keberatan: ${input.trackingUrl} (dengan nomor pendaftaran dan kode lacak permohonan)`;
  numberPages(doc, (p, n) => `${o.number} · Halaman ${p} dari ${n} · ${foot}`);
  return pdfToBuffer(doc);
}
