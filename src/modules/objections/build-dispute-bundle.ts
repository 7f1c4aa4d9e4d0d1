import { PERIODS, periodPhraseId } from '../law/periods.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/i18n.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { zipBuffers, type ZipEntry } from '../../platform/zip.ts';
import { getOfficeSettings } from '../offices/queries.ts';
import { findDecision } from '../requests/queries.ts';
import type { RequestAccess } from '../requests/request-access.ts';
import { renderRequestDocument } from '../requests/request-documents.ts';
import { commissionOf } from './commission.ts';
import { GROUND_ID } from './labels-id.ts';
import { resolveObjectionAccess, type ObjectionAccess } from './objection-access.ts';
import { drawObjectionDocument, objectionFilename } from './objection-documents.ts';
import { disputeStepOpen } from './dispute-step.ts';
import { findObjectionDecision } from './queries.ts';

const safe = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, '-');

/**
 * The documents the Komisi Informasi asks for with a dispute application (Perki 1/2013;
 * regulation.md §4.4) in one ZIP: the request and its receipt (one numbered form), the written
 * notice (and the SK Penolakan) of the round objected to, the objection and its receipt (the
 * numbered Model PPID-F), and the Tanggapan Atasan PPID when there is one, with a contents list
 * naming what the requester adds themselves (the commission's form, identity documents).
 */
export async function buildDisputeBundle(
  ctx: Ctx & { files: FileStore; publicUrl: string },
  access: ObjectionAccess,
): Promise<{ filename: string; bytes: Buffer; entries: string[] }> {
  const { office, objection, audience } = await resolveObjectionAccess(ctx, access);
  if (audience === 'requester' && !disputeStepOpen(objection))
    throw new AppError('NOT_FOUND', 'objections.error.bundleNotYet');
  const requestAccess: RequestAccess =
    access.kind === 'staff'
      ? { kind: 'staff', actor: access.actor, officeId: office.id, requestId: objection.requestId }
      : access.kind === 'link'
        ? { kind: 'link', officeId: office.id, token: access.token }
        : { kind: 'tracking', officeId: office.id, number: access.number, code: access.code };
  const [settings, requestDecision, answer] = await Promise.all([
    getOfficeSettings(ctx.db, office.id),
    findDecision(ctx.db, office.id, objection.requestId, objection.requestRound),
    findObjectionDecision(ctx.db, office.id, objection.id),
  ]);
  const commission = await commissionOf(ctx.db, office, settings);
  const entries: (ZipEntry & { about: string })[] = [];
  const add = (name: string, bytes: Buffer, about: string) =>
    entries.push({ name: `${String(entries.length + 1).padStart(2, '0')}-${name}`, bytes, about });

  const receipt = await renderRequestDocument(ctx, requestAccess, 'tanda-terima');
  add(
    receipt.filename,
    receipt.bytes,
    'Permohonan informasi dan tanda bukti penerimaannya (formulir permohonan bernomor)',
  );
  if (requestDecision) {
    const notice = await renderRequestDocument(
      ctx,
      requestAccess,
      'pemberitahuan-tertulis',
      objection.requestRound,
    );
    add(notice.filename, notice.bytes, 'Pemberitahuan tertulis PPID (Model PPID-D) yang dikeberatani');
    if (requestDecision.outcome === 'REFUSED_EXEMPT') {
      const decree = await renderRequestDocument(ctx, requestAccess, 'sk-penolakan', objection.requestRound);
      add(decree.filename, decree.bytes, 'Surat Keputusan PPID tentang Penolakan (Model PPID-E)');
    }
  }
  add(
    objectionFilename('pernyataan-keberatan', objection.number),
    await drawObjectionDocument(ctx, office, objection, 'pernyataan-keberatan'),
    'Pernyataan keberatan bernomor (Model PPID-F), sekaligus tanda bukti penerimaan keberatan',
  );
  if (answer) {
    add(
      objectionFilename('tanggapan-atasan-ppid', objection.number),
      await drawObjectionDocument(ctx, office, objection, 'tanggapan-atasan-ppid'),
      'Tanggapan Atasan PPID atas keberatan',
    );
  }
  const deadline = objection.disputeDeadline ? formatDate(objection.disputeDeadline, 'id') : null;
  const contents = [
    'BERKAS PERMOHONAN PENYELESAIAN SENGKETA INFORMASI PUBLIK',
    `${office.name} — keberatan ${objection.number} atas permohonan ${objection.requestNumber}`,
    '',
    `Diajukan kepada: ${commission.name}`,
    deadline
      ? `Paling lambat: ${deadline} (${periodPhraseId('disputeFiling', PERIODS.disputeFiling.days)})`
      : `Jangka waktu: ${PERIODS.disputeFiling.days} hari kerja sejak tanggapan Atasan PPID diterima atau sejak jangka waktu tanggapan berakhir (${PERIODS.disputeFiling.basis.letter}).`,
    '',
    `Alasan keberatan: ${objection.grounds.map((g) => `huruf ${g} (${GROUND_ID[g]})`).join('; ')}`,
    '',
    'Isi berkas ini:',
    ...entries.map((e) => `- ${e.name}: ${e.about}`),
    ...(answer
      ? []
      : [
          '- (Atasan PPID tidak memberikan tanggapan dalam jangka waktu; tidak ada tanggapan yang dilampirkan.)',
        ]),
    '',
    'Yang perlu Anda lengkapi sendiri (Perki No. 1 Tahun 2013):',
    `- Formulir permohonan penyelesaian sengketa informasi dari ${commission.name} (juga dapat diajukan daring bila tersedia).`,
    '- Perorangan: fotokopi KTP atau identitas lain yang sah.',
    '- Badan hukum: anggaran dasar yang telah disahkan Kementerian Hukum dan diumumkan dalam Berita Negara.',
    '- Kelompok orang: surat kuasa dan fotokopi KTP para pemberi kuasa.',
    '- Bila melalui kuasa: surat kuasa khusus.',
  ].join('\r\n');
  const all: ZipEntry[] = [
    { name: '00-daftar-isi.txt', bytes: Buffer.from(`\uFEFF${contents}\r\n`, 'utf8') },
    ...entries,
  ];
  const bytes = await zipBuffers(all, ctx.clock.now());
  return {
    filename: `berkas-sengketa-${safe(objection.number)}.zip`,
    bytes,
    entries: all.map((e) => e.name),
  };
}
