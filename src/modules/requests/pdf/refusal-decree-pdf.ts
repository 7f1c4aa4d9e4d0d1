import { formatDate } from '../../../platform/i18n.ts';
import { drawSignature, numberPages, pdfToBuffer } from '../../../platform/pdf/pdf.ts';
import type { CitedBasis } from '../../exemptions/refusal-basis.ts';
import { citedBasisRows, exemptionBasisText } from './exemption-basis-text.ts';
import type { DecisionRow, RequestRow } from '../queries.ts';
import { labelledRows, paragraph, placeAndDate, startLetter } from './letter-kit.ts';

/**
 * Surat Keputusan PPID tentang Penolakan Permohonan Informasi, Model PPID-E (regulation.md
 * §3.4, §9): the requester's data, the information, the Pasal 17 ground and statute, the
 * consequence test (UU 14/2008 Pasal 2(4), 19) and the right to object (Pasal 35-36).
 */
export async function renderRefusalDecreePdf(input: {
  request: RequestRow;
  decision: DecisionRow;
  logoPng: Buffer | null;
  basis?: CitedBasis | null;
}): Promise<Buffer> {
  const { request: r, decision: d } = input;
  const doc = startLetter(
    d.issuedBy,
    input.logoPng,
    'SURAT KEPUTUSAN PPID TENTANG PENOLAKAN PERMOHONAN INFORMASI',
    `Model PPID-E · Nomor: ${r.number}/PENOLAKAN`,
  );
  labelledRows(doc, [
    ['Nomor pendaftaran', r.number],
    ['Nama', r.requesterName],
    ['Alamat', r.address],
    ['Pekerjaan', r.occupation ?? '-'],
    ['Nomor telepon/email', [r.phone, r.email].filter(Boolean).join(' / ') || '-'],
    ['Rincian informasi yang dibutuhkan', r.informationRequested],
  ]);
  doc.moveDown(0.3);
  paragraph(doc, 'PPID memutuskan bahwa informasi yang dimohon adalah:', { bold: true });
  paragraph(doc, 'INFORMASI YANG DIKECUALIKAN', { bold: true, align: 'center' });
  paragraph(doc, 'Pengecualian informasi didasarkan pada alasan:', { bold: true });
  labelledRows(doc, [
    ['Dasar pengecualian', exemptionBasisText(d.exemptionGround, d.exemptionSubPoint)],
    ['Dasar hukum lain', d.legalBasis ?? '-'],
    ...citedBasisRows(input.basis ?? null),
  ]);
  paragraph(doc, 'Uji konsekuensi (UU No. 14 Tahun 2008 Pasal 2 ayat (4) dan Pasal 19):', { bold: true });
  labelledRows(doc, [
    ['Konsekuensi apabila informasi dibuka', d.harmAnalysis ?? '-'],
    ['Pertimbangan kepentingan publik', d.publicInterestAnalysis ?? '-'],
    ['Jangka waktu pengecualian', d.exemptionPeriod ?? '-'],
    ['Pihak yang melakukan uji', d.testParticipants ?? '-'],
  ]);
  paragraph(doc, 'Dengan demikian menyatakan bahwa:', { bold: true });
  paragraph(doc, 'PERMOHONAN INFORMASI DITOLAK', { bold: true, align: 'center' });
  paragraph(
    doc,
    'Jika Pemohon Informasi keberatan atas penolakan ini, Pemohon Informasi dapat mengajukan keberatan kepada Atasan PPID selambat-lambatnya 30 (tiga puluh) hari kerja sejak diterimanya Surat Keputusan ini (UU No. 14 Tahun 2008 Pasal 35 ayat (1) huruf a dan Pasal 36 ayat (1)).',
  );
  paragraph(doc, `Ditetapkan pada tanggal ${formatDate(d.decidedAt, 'id', d.issuedBy.timeZone)}.`);
  drawSignature(doc, {
    placeAndDate: placeAndDate(d.issuedBy, d.decidedAt),
    title: `Pejabat Pengelola Informasi dan Dokumentasi ${d.issuedBy.officeName},`,
    name: d.officerName,
    idLine: d.officerNip ? `NIP. ${d.officerNip}` : null,
  });
  numberPages(doc, (p, n) => `${r.number} · Halaman ${p} dari ${n}`);
  return pdfToBuffer(doc);
}
