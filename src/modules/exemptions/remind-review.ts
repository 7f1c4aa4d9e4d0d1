import type { Ctx } from '../../platform/context.ts';
import { formatDate } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { addCalendarDays, localDateTime } from '../calendar/working-days.ts';
import { findOfficeById } from '../offices/queries.ts';
import { composeMail } from '../requests/emails/compose-mail.ts';
import { staffEmails } from '../requests/recipients.ts';
import { listOfficesDueForReview } from './queries.ts';

// Seed 004 (Pengesahan 2): the DIK is reviewed at least twice a year. Each office with a decree
// of its own in force whose last recorded review is older than six months (or that never
// recorded one) is reminded: its PPID gets one mail per half-year. Safe on two processes and on
// every run of the job: the mail's dedupe key is the office and the half-year.

/** Six months, as the SOP counts "twice a year". */
export const REVIEW_EVERY_DAYS = 182;

export function halfYearOf(date: string): string {
  return `${date.slice(0, 4)}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

export async function remindExemptionReviews(
  ctx: Ctx & { publicUrl: string },
): Promise<{ reminded: number }> {
  const now = ctx.clock.now();
  let reminded = 0;
  for (const due of await listOfficesDueForReview(ctx.db)) {
    const office = await findOfficeById(ctx.db, due.officeId);
    if (!office || !office.active) continue;
    const today = localDateTime(now, office.timezone).date;
    if (due.lastReview && due.lastReview > addCalendarDays(today, -REVIEW_EVERY_DAYS)) continue;
    const half = halfYearOf(today);
    await ctx.db.transaction(async (tx) => {
      for (const to of await staffEmails(tx, office, ['PPID'], now)) {
        const queued = await queueMail(
          tx,
          office.id,
          {
            to,
            ...composeMail({
              subject: `Peninjauan Daftar Informasi yang Dikecualikan — ${office.name}`,
              greeting: 'Yth. PPID,',
              paragraphs: [
                due.lastReview
                  ? `Peninjauan terakhir atas Daftar Informasi yang Dikecualikan tercatat pada ${formatDate(due.lastReview, 'id')}. SOP Informasi yang Dikecualikan meminta peninjauan sekurang-kurangnya dua kali dalam setahun.`
                  : 'Belum ada peninjauan Daftar Informasi yang Dikecualikan yang tercatat. SOP Informasi yang Dikecualikan meminta peninjauan sekurang-kurangnya dua kali dalam setahun.',
                'Tinjau apakah setiap entri masih memenuhi alasan pengecualian dan jangka waktunya, lalu catat peninjauan di Terbuka.',
              ],
              action: {
                label: 'Catat peninjauan',
                url: `${ctx.publicUrl}/staff/${office.slug}/informasi-dikecualikan#tinjauan`,
              },
              closing: ['Terbuka'],
            }),
            template: 'exemption-review-due',
            entityType: 'office',
            entityId: office.id,
            dedupeKey: `exemption-review:${office.id}:${half}:${to}`,
          },
          now,
        );
        if (queued) reminded++;
      }
    });
  }
  return { reminded };
}
