import path from 'node:path';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { defineJob } from '../../platform/jobs/queue.ts';
import { readFileContent, saveFile, type FileStore } from '../../platform/storage/file-store.ts';
import { listOffices } from '../offices/queries.ts';
import { detectPersonalData } from './detect.ts';
import { applyPdfRedactions, findTextAreas, inspectPdf, pdfPageTexts, renderPdfPages } from './pdf-engine.ts';
import { releasePublicSoftcopies } from './public-release.ts';
import { findRedaction, listMarks, type RedactionRow } from './queries.ts';
import { MARKING_DPI } from './redaction-ctx.ts';
import { applyRedactionJob, renderRedactionJob } from './redaction-job-types.ts';
import type { redactionMarks, redactions, RedactionKind } from './schema.ts';
import { deletePages, insertMarks, insertPage, updateRedaction } from './write-queries.ts';
import { officeNames, putReleasedCopy, subjectNames } from './subjects.ts';
import { inspectOffice, scrubOffice } from './office-scrub.ts';
import { inspectXlsx, scrubXlsx } from './xlsx-scrub.ts';

// The release step off the request path: rendering the pages for marking (with the
// suggestions) and applying the redactions. Progress is written after each page, outside the
// job's final transaction, so the marking view can show it.

const SYSTEM = { type: 'system' as const, id: null, label: 'sistem', requestId: null };

async function progress(
  db: Db,
  r: RedactionRow,
  values: Partial<typeof redactions.$inferInsert>,
  now: Date,
): Promise<void> {
  await updateRedaction(db, r.officeId, r.id, { ...values, updatedAt: now });
}

async function provinceCodes(db: Db): Promise<Set<string>> {
  return new Set((await listOffices(db, { level: 'PROVINSI', includeInactive: true })).map((o) => o.code));
}

export function renderRedactionJobDef(deps: { files: FileStore }) {
  return defineJob({
    ...renderRedactionJob,
    async run({ db, payload, officeId, now, attempt }) {
      const r = officeId ? await findRedaction(db, officeId, payload.redactionId) : undefined;
      if (!r || r.status !== 'RENDERING') return;
      const content = await readFileContent(db, deps.files, r.officeId, r.originalFileId);
      if (!content) throw new Error('original missing');
      try {
        if (r.kind !== 'PDF') {
          const report =
            r.kind === 'XLSX' ? await inspectXlsx(content.bytes) : await inspectOffice(content.bytes, r.kind);
          await progress(db, r, { status: 'READY', report: { ...report }, pageCount: 0 }, now);
          return;
        }
        const report = await inspectPdf(content.bytes);
        await deletePages(db, r.officeId, r.id);
        const count = await renderPdfPages(content.bytes, { dpi: MARKING_DPI }, async (p) => {
          await db.transaction(async (tx) => {
            const png = await saveFile(tx, deps.files, {
              officeId: r.officeId,
              bytes: p.png,
              originalName: `halaman-${p.page + 1}.png`,
              purpose: 'document',
              maxBytes: 64 * 1024 * 1024,
              encrypt: true,
              createdBy: 'sistem',
              field: 'file',
              now,
            });
            await insertPage(tx, {
              officeId: r.officeId,
              redactionId: r.id,
              page: p.page,
              fileId: png.id,
              widthPt: p.widthPt,
              heightPt: p.heightPt,
              widthPx: p.widthPx,
              heightPx: p.heightPx,
            });
          });
          await progress(db, r, { pagesDone: p.page + 1, pageCount: Math.max(r.pageCount, p.page + 1) }, now);
        });
        const texts = await pdfPageTexts(content.bytes);
        const opts = {
          provinceCodes: await provinceCodes(db),
          names: [
            ...(await subjectNames(db, r.officeId, r.subject, r.subjectId)),
            ...payload.names,
            ...(await officeNames(db, r.officeId)),
          ],
        };
        const suggestions: (typeof redactionMarks.$inferInsert)[] = [];
        for (const [page, text] of texts.entries()) {
          const seen = new Set<string>();
          for (const f of detectPersonalData(text, opts)) {
            if (seen.has(f.text)) continue;
            seen.add(f.text);
            for (const a of await findTextAreas(content.bytes, f.text, [page])) {
              suggestions.push({
                officeId: r.officeId,
                redactionId: r.id,
                ...a,
                origin: 'SUGGESTION',
                detector: f.kind,
                label: f.label,
                status: 'PROPOSED',
                reason: 'PERSONAL_DATA',
                createdAt: now,
                createdBy: 'sistem',
              });
            }
          }
        }
        await db.transaction(async (tx) => {
          await insertMarks(tx, suggestions);
          await updateRedaction(tx, r.officeId, r.id, {
            status: 'READY',
            pageCount: count,
            pagesDone: count,
            report: { ...report },
            updatedAt: now,
          });
          await recordAudit(
            tx,
            SYSTEM,
            {
              officeId: r.officeId,
              action: 'redaction.rendered',
              entityType: 'redaction',
              entityId: r.id,
              after: { pages: count, suggestions: suggestions.length },
            },
            now,
          );
        });
      } catch (e) {
        if (attempt >= renderRedactionJob.maxAttempts || (e as { code?: string }).code === 'VALIDATION') {
          await progress(
            db,
            r,
            { status: 'FAILED', error: (e as { key?: string }).key ?? 'redaction.error.unreadable' },
            now,
          );
          return;
        }
        throw e;
      }
    },
  });
}

function releasedName(name: string, kind: RedactionKind): string {
  const ext = path.extname(name);
  const base = name.slice(0, name.length - ext.length) || 'berkas';
  return kind === 'PDF' ? `${base}-dihitamkan.pdf` : `${base}-bersih.${kind.toLowerCase()}`;
}

export function applyRedactionJobDef(deps: { files: FileStore }) {
  return defineJob({
    ...applyRedactionJob,
    async run({ db, payload, officeId, now }) {
      const r = officeId ? await findRedaction(db, officeId, payload.redactionId) : undefined;
      if (!r || r.status !== 'APPLYING') return;
      const content = await readFileContent(db, deps.files, r.officeId, r.originalFileId);
      if (!content) throw new Error('original missing');
      const marks = (await listMarks(db, r.officeId, r.id)).filter((m) => m.status === 'ACCEPTED');
      let bytes: Buffer;
      let report = r.report;
      if (r.kind === 'PDF') {
        let done = 0;
        bytes = (
          await applyPdfRedactions(content.bytes, marks, () => {
            done++;
          })
        ).bytes;
        await progress(db, r, { pagesDone: done }, now);
      } else if (r.kind !== 'XLSX') {
        const scrubbed = await scrubOffice(content.bytes, r.kind);
        bytes = scrubbed.bytes;
        report = { ...scrubbed.before };
      } else {
        const scrubbed = await scrubXlsx(content.bytes);
        bytes = scrubbed.bytes;
        report = { ...scrubbed.before };
      }
      await db.transaction(async (tx) => {
        const result = await saveFile(tx, deps.files, {
          officeId: r.officeId,
          bytes,
          originalName: releasedName(content.file.originalName, r.kind),
          purpose: 'document',
          maxBytes: Math.max(64 * 1024 * 1024, bytes.length),
          encrypt: false,
          createdBy: r.appliedBy ?? 'sistem',
          field: 'file',
          now,
        });
        const applied = {
          status: 'APPLIED' as const,
          resultFileId: result.id,
          appliedAt: now,
          report,
          updatedAt: now,
        };
        if (!(await updateRedaction(tx, r.officeId, r.id, applied, 'APPLYING'))) return;
        await putReleasedCopy(
          tx,
          r.officeId,
          r.subject,
          r.subjectId,
          r.sourceFileId,
          result.id,
          r.appliedBy ?? 'sistem',
          now,
        );
        await recordAudit(
          tx,
          SYSTEM,
          {
            officeId: r.officeId,
            action: 'redaction.applied',
            entityType: 'redaction',
            entityId: r.id,
            after: {
              resultFileId: result.id,
              sha256: result.sha256,
              areas: marks.length,
              pages: [...new Set(marks.map((m) => m.page + 1))],
              by: r.appliedBy,
            },
          },
          now,
        );
      });
    },
  });
}

/** How often public softcopies uploaded outside the release step are put through it (ADR 0068). */
export const PUBLIC_RELEASE_SWEEP_MINUTES = 10;

export function publicReleaseSweepJobDef(deps: { files: FileStore }) {
  return defineJob({
    kind: 'redaction.publicSweep',
    payload: z.object({}),
    async run({ db, now }) {
      await releasePublicSoftcopies(db, deps.files, now);
    },
  });
}
