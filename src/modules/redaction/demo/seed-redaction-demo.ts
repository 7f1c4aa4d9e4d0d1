import type { Ctx } from '../../../platform/context.ts';
import type { FileStore } from '../../../platform/storage/file-store.ts';
import { systemActor, type Actor } from '../../access/actor.ts';
import { listArchiveItems } from '../../archive/queries.ts';
import { storeArchiveFile } from '../../archive/store-archive-file.ts';
import { findOfficeBySlug } from '../../offices/queries.ts';
import { actorForUser } from '../../people/load-actor.ts';
import { findUserByEmail } from '../../people/queries.ts';
import { applyRedaction } from '../apply-redaction.ts';
import { decideRedactionMark } from '../mark-redaction.ts';
import { listMarks } from '../queries.ts';
import { applyRedactionJobDef, renderRedactionJobDef } from '../redaction-jobs.ts';
import { samplePeoplePdf, workbookWithHiddenNiks } from '../samples.ts';
import { startRedaction } from '../start-redaction.ts';

// Demo data of the release step (issue 14), at KPU Kota Bandung, after the DIP demo: the
// published "Laporan Layanan Informasi Publik" item gets a list of KPPS officers whose NIKs
// were blacked out through the release step, and a workbook whose hidden sheet was scrubbed.

export async function seedRedactionDemo(
  ctx: Ctx & { files: FileStore; uploadMaxBytes: number },
): Promise<void> {
  const office = await findOfficeBySlug(ctx.db, 'kpu-kota-bandung');
  if (!office) return;
  const item = (await listArchiveItems(ctx.db, office.id)).find(
    (i) => i.title.startsWith('Laporan Layanan Informasi Publik') && i.status === 'APPROVED',
  );
  if (!item) return;
  const user = await findUserByEmail(ctx.db, 'ppid.bandung@demo.terbuka.test');
  const ppid: Actor = user
    ? await actorForUser(ctx.db, user, ctx.clock.now(), null)
    : systemActor('seed-demo');
  const now = ctx.clock.now();
  const stored = await ctx.db.transaction(async (tx) => [
    await storeArchiveFile(
      tx,
      ctx,
      ppid,
      office.id,
      item.id,
      { filename: 'daftar-petugas-kpps-coblong.pdf', bytes: await samplePeoplePdf({ pages: 2 }) },
      now,
    ),
    await storeArchiveFile(
      tx,
      ctx,
      ppid,
      office.id,
      item.id,
      { filename: 'rekap-petugas-kpps.xlsx', bytes: await workbookWithHiddenNiks() },
      now,
    ),
  ]);
  const render = renderRedactionJobDef({ files: ctx.files });
  const apply = applyRedactionJobDef({ files: ctx.files });
  const job = { db: ctx.db, officeId: office.id, jobId: 'seed-demo', attempt: 1, now };
  for (const file of stored) {
    const { id } = await startRedaction(ctx, ppid, {
      officeId: office.id,
      data: { subject: 'ARCHIVE', subjectId: item.id, fileId: file.id },
    });
    await render.run({ ...job, payload: { redactionId: id, names: [] } });
    for (const m of await listMarks(ctx.db, office.id, id)) {
      await decideRedactionMark(ctx, ppid, {
        officeId: office.id,
        redactionId: id,
        markId: m.id,
        data: { decision: m.detector === 'NIK' ? 'ACCEPTED' : 'REJECTED' },
      });
    }
    await applyRedaction(ctx, ppid, { officeId: office.id, redactionId: id });
    await apply.run({ ...job, payload: { redactionId: id } });
  }
}
