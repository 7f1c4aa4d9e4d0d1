import { DEFAULT_PAYMENT_INSTRUCTIONS } from '../../offices/office-settings.ts';
import { formatDate, formatRupiah } from '../../../platform/i18n.ts';
import { drawSignature, numberPages, pdfToBuffer } from '../../../platform/pdf/pdf.ts';
import { DELIVERY_METHOD_ID } from '../labels-id.ts';
import { exemptionBasisText } from './exemption-basis-text.ts';
import type { DecisionRow, FeeRow, RequestRow } from '../queries.ts';
import { checkLine, labelledRows, paragraph, placeAndDate, startLetter } from './letter-kit.ts';

/**
 * Pemberitahuan Tertulis, Model PPID-D (Kep. KPU 156/2015) with every item of UU 14/2008
 * Pasal 22(7) (regulation.md §3.4, §9): held or not and by whom, accepted or refused with the
 * Pasal 17 ground, the material, the blacked-out parts and why, delivery and format, cost.
 */
export async function renderDecisionNoticePdf(input: {
  request: RequestRow;
  decision: DecisionRow;
  fees: FeeRow[];
  logoPng: Buffer | null;
  /** The record of the release step (issue 14): one line per redacted file, with pages and reasons. */
  redactionRecord?: string[];
}): Promise<Buffer> {
  const { request: r, decision: d } = input;
  const granted = d.outcome === 'GRANTED_FULL' || d.outcome === 'GRANTED_PARTIAL';
  const doc = startLetter(
    d.issuedBy,
    input.logoPng,
    'PEMBERITAHUAN TERTULIS',
    'Model PPID-D · UU No. 14 Tahun 2008 Pasal 22 ayat (7)',
  );
  paragraph(
    doc,
    `Berdasarkan permohonan informasi pada tanggal ${formatDate(r.receivedAt, 'id', d.issuedBy.timeZone)} dengan nomor pendaftaran ${r.number}, kami menyampaikan kepada Saudara/i:`,
  );
  labelledRows(doc, [
    ['Nama', r.requesterName],
    ['Alamat', r.address],
    ['Nomor telepon/email', [r.phone, r.email].filter(Boolean).join(' / ') || '-'],
    ['Informasi yang diminta', r.informationRequested],
  ]);
  paragraph(doc, 'Pemberitahuan sebagai berikut:', { bold: true });

  paragraph(doc, 'A. Informasi dapat diberikan', { bold: true });
  checkLine(doc, d.outcome === 'GRANTED_FULL', 'Seluruhnya');
  checkLine(doc, d.outcome === 'GRANTED_PARTIAL', 'Sebagian');
  if (granted) {
    labelledRows(
      doc,
      [
        [
          'Penguasaan informasi',
          d.holderBody ? `Badan publik lain, yaitu ${d.holderBody}` : `Kami (${d.issuedBy.officeName})`,
        ],
        ['Materi yang diberikan', d.materialDescription ?? '-'],
        [
          'Bentuk fisik yang tersedia',
          d.forms
            .map((f) => (f === 'SOFTCOPY' ? 'softcopy (termasuk rekaman)' : 'hardcopy/salinan tertulis'))
            .join(', '),
        ],
        ['Cara penyampaian', DELIVERY_METHOD_ID[d.deliveryMethod]],
        ['Waktu penyediaan', d.provisionTime ?? '-'],
      ],
      { indent: 12, labelWidth: 140 },
    );
    const feeRows: [string, string][] = input.fees.map((f) => [
      f.description,
      `${formatRupiah(f.unitPrice)} × ${f.quantity} = ${formatRupiah(f.amount)}${f.waived ? ' (softcopy tidak dipungut biaya)' : ''}`,
    ]);
    labelledRows(
      doc,
      [
        ...feeRows,
        ['Jumlah biaya', d.feeTotal > 0 ? formatRupiah(d.feeTotal) : 'Tidak dipungut biaya'],
        // Model PPID-D: when a fee is charged, how to pay it (issue 13 item 10).
        ...(d.feeTotal > 0
          ? ([['Cara pembayaran', d.issuedBy.paymentInstructions ?? DEFAULT_PAYMENT_INSTRUCTIONS]] as [
              string,
              string,
            ][])
          : []),
      ],
      { indent: 12, labelWidth: 140 },
    );
    if (d.outcome === 'GRANTED_PARTIAL') {
      paragraph(doc, 'Penjelasan penghitaman/pengaburan informasi yang dimohon:', { indent: 12 });
      labelledRows(
        doc,
        [
          ['Bagian yang dihitamkan', d.redactedParts ?? '-'],
          ['Alasan', d.redactionReason ?? '-'],
          ['Dasar pengecualian', exemptionBasisText(d.exemptionGround, d.exemptionSubPoint)],
        ],
        { indent: 12, labelWidth: 140 },
      );
      if (input.redactionRecord?.length) {
        labelledRows(
          doc,
          input.redactionRecord.map((line, i): [string, string] => [
            i === 0 ? 'Catatan penghitaman' : '',
            line,
          ]),
          { indent: 12, labelWidth: 140 },
        );
      }
    }
  }

  paragraph(doc, 'B. Informasi tidak dapat diberikan karena:', { bold: true });
  checkLine(
    doc,
    d.outcome === 'REFUSED_EXEMPT',
    'Informasi yang diminta termasuk informasi yang dikecualikan (lihat Surat Keputusan PPID tentang Penolakan)',
  );
  if (d.outcome === 'REFUSED_EXEMPT' && d.exemptionGround) {
    paragraph(
      doc,
      `Dasar: ${exemptionBasisText(d.exemptionGround, d.exemptionSubPoint)}${d.legalBasis ? `; ${d.legalBasis}` : ''}`,
      { indent: 28 },
    );
  }
  checkLine(doc, d.outcome === 'NOT_HELD', 'Informasi yang diminta tidak dikuasai oleh badan publik kami');
  if (d.outcome === 'NOT_HELD') {
    paragraph(
      doc,
      d.holderBody
        ? `Informasi tersebut dikuasai oleh: ${d.holderBody}`
        : 'Badan publik yang menguasai informasi tersebut tidak diketahui.',
      { indent: 28 },
    );
  }
  checkLine(doc, d.outcome === 'NOT_YET_DOCUMENTED', 'Informasi yang diminta belum didokumentasikan');
  if (d.outcome === 'NOT_YET_DOCUMENTED' && d.documentedBy) {
    paragraph(
      doc,
      `Penyediaan informasi yang belum didokumentasikan dilakukan paling lambat ${formatDate(d.documentedBy, 'id')}.`,
      { indent: 28 },
    );
  }
  if (d.explanation) paragraph(doc, `Keterangan: ${d.explanation}`);
  paragraph(
    doc,
    'Apabila Saudara/i tidak puas atas pemberitahuan ini, Saudara/i dapat mengajukan keberatan kepada Atasan PPID paling lambat 30 (tiga puluh) hari kerja (UU No. 14 Tahun 2008 Pasal 35 dan 36).',
  );
  drawSignature(doc, {
    placeAndDate: placeAndDate(d.issuedBy, d.decidedAt),
    title: `${d.officerTitle},`,
    name: d.officerName,
    idLine: d.officerNip ? `NIP. ${d.officerNip}` : null,
  });
  numberPages(doc, (p, n) => `${r.number} · Halaman ${p} dari ${n}`);
  return pdfToBuffer(doc);
}
