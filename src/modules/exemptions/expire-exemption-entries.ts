import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { formatDate } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { auditActorOf, systemActor } from '../access/actor.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { newEntryKey } from '../dip/entry-input.ts';
import { findActiveCycle, insertEntries } from '../dip/queries.ts';
import { findOfficeById } from '../offices/queries.ts';
import { composeMail } from '../requests/emails/compose-mail.ts';
import { staffEmails } from '../requests/recipients.ts';
import {
  countLiveDecreeEntries,
  listExpiryCandidates,
  updateDecreeIf,
  updateEntryIf,
} from './write-queries.ts';

// The expiry sweep (issue 10): an entry whose period has passed (the day after its end date, in
// the issuing office's time zone) ends as EXPIRED; the PPID is told, and the information that
// has become public is proposed for the office's DIP (as a proposal in the active cycle, when
// there is one). A decree whose entries have all ended expires with them. Safe on two processes:
// each entry moves by compare-and-set, and only the process that moved it writes the rest.

export async function expireExemptionEntries(ctx: Ctx & { publicUrl: string }): Promise<{ expired: number }> {
  const now = ctx.clock.now();
  // The widest "today" of any time zone (UTC+9) bounds the candidates; each is checked in its office's zone.
  const latestToday = localDateTime(now, 'Asia/Jayapura').date;
  const due = await listExpiryCandidates(ctx.db, latestToday, 1000);
  let expired = 0;
  for (const row of due) {
    const office = await findOfficeById(ctx.db, row.officeId);
    if (!office) continue;
    const today = localDateTime(now, office.timezone).date;
    const moved = await ctx.db.transaction(async (tx) => {
      const entry = await updateEntryIf(
        tx,
        row.officeId,
        row.id,
        { status: 'ACTIVE', periodBefore: today },
        { status: 'EXPIRED', endedAt: now, updatedAt: now },
      );
      if (!entry) return false;
      // The decree expires when nothing of it is in force any more.
      if ((await countLiveDecreeEntries(tx, entry.officeId, entry.decreeId)) === 0)
        await updateDecreeIf(
          tx,
          entry.officeId,
          entry.decreeId,
          { status: 'ACTIVE' },
          { status: 'EXPIRED', endedAt: now, updatedAt: now },
        );
      // The information is public now: propose it for the DIP (Model PPID-A fields the PPID completes).
      const cycle = await findActiveCycle(tx, entry.officeId);
      let dipEntryKey: string | null = null;
      if (cycle) {
        dipEntryKey = newEntryKey();
        await insertEntries(tx, [
          {
            officeId: entry.officeId,
            cycleId: cycle.id,
            entryKey: dipEntryKey,
            status: 'PROPOSED',
            category: 'SETIAP_SAAT',
            documentTitle: entry.information.slice(0, 300),
            summary:
              `Informasi yang sebelumnya dikecualikan; jangka waktu pengecualian berakhir ${formatDate(entry.periodUntil!, 'id')}.`.slice(
                0,
                2000,
              ),
            holdingUnit: entry.holderUnit ?? 'PPID',
            responsibleOfficial: `PPID ${office.name}`,
            timeAndPlace: 'Setiap saat, desk layanan informasi',
            formats: ['SOFTCOPY', 'HARDCOPY'],
            retention: 'Sesuai jadwal retensi arsip',
            proposedBy: 'sistem (pengecualian berakhir)',
            createdAt: now,
            updatedAt: now,
            updatedBy: 'sistem',
          },
        ]);
        await updateEntryIf(tx, entry.officeId, entry.id, {}, { dipEntryKey });
      }
      for (const to of await staffEmails(tx, office, ['PPID'], now)) {
        await queueMail(
          tx,
          office.id,
          {
            to,
            ...composeMail({
              subject: `Pengecualian berakhir: ${entry.information.slice(0, 80)}`,
              greeting: 'Yth. PPID,',
              paragraphs: [
                `Jangka waktu pengecualian atas "${entry.information}" berakhir pada ${formatDate(entry.periodUntil!, 'id')}; informasi tersebut kini tidak lagi dikecualikan.`,
                cycle
                  ? 'Informasi ini telah diusulkan untuk dimuat dalam Daftar Informasi Publik pada siklus yang sedang berjalan; lengkapi dan putuskan usulannya.'
                  : 'Belum ada siklus DIP yang berjalan: muat informasi ini dalam Daftar Informasi Publik pada pemutakhiran berikutnya.',
              ],
              action: {
                label: 'Buka Informasi yang Dikecualikan',
                url: `${ctx.publicUrl}/staff/${office.slug}/informasi-dikecualikan`,
              },
              closing: ['Terbuka'],
            }),
            template: 'exemption-expired',
            entityType: 'exemption_entry',
            entityId: entry.id,
            dedupeKey: `exemption-expired:${entry.id}:${to}`,
          },
          now,
        );
      }
      await recordAudit(
        tx,
        auditActorOf(systemActor()),
        {
          officeId: entry.officeId,
          action: 'exemptions.entry.expired',
          entityType: 'exemption_entry',
          entityId: entry.id,
          before: { status: 'ACTIVE' },
          after: { status: 'EXPIRED', periodUntil: entry.periodUntil, dipEntryKey },
        },
        now,
      );
      return true;
    });
    if (moved) expired++;
  }
  return { expired };
}
