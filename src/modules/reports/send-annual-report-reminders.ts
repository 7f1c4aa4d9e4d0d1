import type { Ctx } from '../../platform/context.ts';
import { formatDate } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { findOfficeById } from '../offices/queries.ts';
import { composeMail } from '../requests/emails/compose-mail.ts';
import { staffEmails } from '../requests/recipients.ts';
import { annualReportDueDate } from './annual-report-document.ts';
import { officesWithoutPublishedReport } from './annual-report-queries.ts';

// The 31 March reminder (Perki 1/2021 Pasal 56: the report of a budget year within three
// months of its end). From 1 March until it is published, each PPID of an office without a
// published report gets one reminder; after 31 March, one more saying it is late. The dedupe
// key names office, year, kind and recipient, so running twice or on two processes sends once.

export const REMINDER_FROM_MONTH_DAY = '03-01';

export async function sendAnnualReportReminders(ctx: Ctx & { publicUrl: string }): Promise<number> {
  const now = ctx.clock.now();
  // Asia/Jakarta decides the day for the whole country: one day's difference is harmless here.
  const today = localDateTime(now, 'Asia/Jakarta').date;
  const year = Number(today.slice(0, 4)) - 1;
  const due = annualReportDueDate(year);
  if (today < `${year + 1}-${REMINDER_FROM_MONTH_DAY}` || today > `${year + 1}-06-30`) return 0;
  const kind = today > due ? 'overdue' : 'due-soon';
  let queued = 0;
  for (const { id, status } of await officesWithoutPublishedReport(ctx.db, year)) {
    const office = await findOfficeById(ctx.db, id);
    if (!office) continue;
    await ctx.db.transaction(async (tx) => {
      // Waiting for the Atasan PPID: remind them instead of the PPID.
      const recipients = await staffEmails(
        tx,
        office,
        status === 'SUBMITTED' ? ['ATASAN_PPID'] : ['PPID'],
        now,
      );
      const mail = composeMail({
        subject:
          kind === 'overdue'
            ? `[Terlambat] Laporan Layanan Informasi Publik ${year} belum diumumkan`
            : `[Pengingat] Laporan Layanan Informasi Publik ${year} paling lambat ${formatDate(due, 'id')}`,
        greeting: status === 'SUBMITTED' ? 'Kepada Atasan PPID,' : 'Kepada PPID,',
        paragraphs: [
          `Laporan Layanan Informasi Publik ${office.name} tahun ${year} wajib disusun dan diumumkan paling lambat ${formatDate(due, 'id')} (Peraturan Komisi Informasi Nomor 1 Tahun 2021 Pasal 56).`,
          kind === 'overdue'
            ? 'Batas waktu itu telah lewat; laporan belum diumumkan.'
            : 'Angka layanan sudah terisi dari catatan; bagian naratif ditulis PPID lalu disetujui Atasan PPID.',
        ],
        action: {
          label: 'Buka laporan tahunan',
          url: `${ctx.publicUrl}/staff/${office.slug}/laporan-tahunan/${year}`,
        },
        closing: ['Terbuka'],
      });
      for (const to of recipients) {
        const added = await queueMail(
          tx,
          office.id,
          {
            to,
            ...mail,
            template: `annual-report-${kind}`,
            entityType: 'office',
            entityId: office.id,
            dedupeKey: `annual-report:${kind}:${office.id}:${year}:${to}`,
          },
          now,
        );
        if (added) queued++;
      }
    });
  }
  return queued;
}
