import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { readFileContent } from '../../platform/storage/file-store.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { isValidSubPoint, PASAL17_GROUNDS, type Pasal17Ground } from '../law/pasal17.ts';
import { activeOffice } from '../requests/request-steps.ts';
import { findTextAreas, type PageArea } from './pdf-engine.ts';
import { findRedaction, listPages, type RedactionRow } from './queries.ts';
import type { RedactionCtx } from './redaction-ctx.ts';
import { MARK_REASONS } from './schema.ts';
import { decideMark, insertMarks, lockRedactionStatus } from './write-queries.ts';
import { mayRedact } from './subjects.ts';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Why an area is blacked out: personal data, or a Pasal 17 ground with its sub-point where the ground has them. */
const reasonFields = {
  reason: z.enum(MARK_REASONS),
  ground: z.preprocess(emptyToUndefined, z.enum(PASAL17_GROUNDS).optional()),
  subPoint: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(20).optional()),
};

// Areas come from the browser in percent of the page (0–100), top-left origin, so that the
// form without script can be filled in by eye as well.
const percent = () => z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(100));

export const markInput = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('AREA'),
    page: field.int(1, 100_000),
    left: percent(),
    top: percent(),
    right: percent(),
    bottom: percent(),
    ...reasonFields,
  }),
  z.object({ mode: z.literal('SEARCH'), text: field.text(200), ...reasonFields }),
]);

function checkReason(d: {
  reason: string;
  ground?: Pasal17Ground | undefined;
  subPoint?: number | undefined;
}): void {
  if (d.reason !== 'PASAL17') return;
  if (!d.ground) throw AppError.field('ground', 'validation.required');
  if (!isValidSubPoint(d.ground, d.subPoint ?? null))
    throw AppError.field('subPoint', 'validation.invalidChoice');
}

async function editable(
  ctx: RedactionCtx,
  actor: Actor,
  officeId: string,
  redactionId: string,
): Promise<RedactionRow> {
  const office = await activeOffice(ctx.db, officeId);
  if (!(await mayRedact(ctx.db, actor, office))) throw AppError.forbidden();
  const r = await findRedaction(ctx.db, office.id, redactionId);
  if (!r) throw AppError.notFound();
  if (r.status !== 'READY' || r.kind !== 'PDF') throw AppError.conflict('redaction.error.notEditable');
  return r;
}

/** Adds marks drawn on a page or found by text search; they are accepted as made. Returns how many. */
export async function addRedactionMarks(
  ctx: RedactionCtx,
  actor: Actor,
  input: { officeId: string; redactionId: string; data: unknown },
): Promise<number> {
  const r = await editable(ctx, actor, input.officeId, input.redactionId);
  const data = parseInput(markInput, input.data);
  checkReason(data);
  let areas: PageArea[];
  let label: string;
  if (data.mode === 'AREA') {
    const pages = await listPages(ctx.db, r.officeId, r.id);
    const page = pages.find((p) => p.page === data.page - 1);
    if (!page) throw AppError.field('page', 'validation.invalidChoice');
    const [x0, x1] = [Math.min(data.left, data.right), Math.max(data.left, data.right)];
    const [y0, y1] = [Math.min(data.top, data.bottom), Math.max(data.top, data.bottom)];
    if (x1 - x0 < 0.2 || y1 - y0 < 0.2) throw AppError.field('right', 'redaction.error.areaTooSmall');
    areas = [
      {
        page: page.page,
        x0: (x0 / 100) * page.widthPt,
        y0: (y0 / 100) * page.heightPt,
        x1: (x1 / 100) * page.widthPt,
        y1: (y1 / 100) * page.heightPt,
      },
    ];
    label = `${Math.round(x0)}–${Math.round(x1)}% × ${Math.round(y0)}–${Math.round(y1)}%`;
  } else {
    const content = await readFileContent(ctx.db, ctx.files, r.officeId, r.originalFileId);
    if (!content) throw AppError.notFound();
    areas = await findTextAreas(content.bytes, data.text);
    if (areas.length === 0) throw AppError.field('text', 'redaction.error.textNotFound');
    label = `“${data.text.slice(0, 3)}…” (${data.text.length})`;
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if ((await lockRedactionStatus(tx, r.officeId, r.id)) !== 'READY')
      throw AppError.conflict('redaction.error.notEditable');
    await insertMarks(
      tx,
      areas.map((a) => ({
        officeId: r.officeId,
        redactionId: r.id,
        ...a,
        origin: data.mode,
        label,
        status: 'ACCEPTED' as const,
        reason: data.reason,
        ground: data.reason === 'PASAL17' ? (data.ground ?? null) : null,
        subPoint: data.reason === 'PASAL17' ? (data.subPoint ?? null) : null,
        createdAt: now,
        createdBy: actor.label,
        decidedAt: now,
        decidedBy: actor.label,
      })),
    );
    await auditAs(
      tx,
      actor,
      {
        officeId: r.officeId,
        action: 'redaction.marked',
        entityType: 'redaction',
        entityId: r.id,
        after: {
          mode: data.mode,
          marks: areas.length,
          pages: [...new Set(areas.map((a) => a.page + 1))],
          reason: data.reason,
          ground: data.ground ?? null,
        },
      },
      now,
    );
  });
  return areas.length;
}

export const decideMarkInput = z.object({ decision: z.enum(['ACCEPTED', 'REJECTED']) });

/** Accepts or rejects a mark (a suggestion, or one made earlier). */
export async function decideRedactionMark(
  ctx: RedactionCtx,
  actor: Actor,
  input: { officeId: string; redactionId: string; markId: string; data: unknown },
): Promise<void> {
  const r = await editable(ctx, actor, input.officeId, input.redactionId);
  const { decision } = parseInput(decideMarkInput, input.data);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const mark = await decideMark(tx, r, input.markId, {
      status: decision,
      decidedAt: now,
      decidedBy: actor.label,
    });
    if (!mark) return;
    await auditAs(
      tx,
      actor,
      {
        officeId: r.officeId,
        action: 'redaction.mark_decided',
        entityType: 'redaction',
        entityId: r.id,
        after: { mark: input.markId, decision, origin: mark.origin, detector: mark.detector },
      },
      now,
    );
  });
}
