import { AppError } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/context.ts';
import { fieldErrorsOf } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { letterheadTitleLines } from '../offices/letterhead.ts';
import { findOfficeById, getOfficeSettings } from '../offices/queries.ts';
import { findSopBySlug, type Sop } from './queries.ts';
import { saveSop } from './save-sop.ts';
import { sopAdoptionInput } from './sop-input.ts';
import { findSopTemplate, type SopTemplate } from './templates.ts';

/** A template's text with `{kantor}` as the adopting office's name. */
const forOffice = (text: string, officeName: string) => text.replaceAll('{kantor}', officeName);

/**
 * Adds one of the seed SOPs (or the objections SOP) to the office's register with the office's
 * own identity: its name in the heading, and the number, dates and approver the office gives
 * (required: the seed's own are never copied, issue 13 item 8). The template's structure,
 * legal bases (the current ones) and steps are taken as they are; the office adapts them later.
 */
export async function adoptSopTemplate(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; templateKey: unknown; data: unknown },
): Promise<Sop> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  const template: SopTemplate | undefined =
    typeof input.templateKey === 'string' ? findSopTemplate(input.templateKey) : undefined;
  if (!template) throw AppError.field('template', 'validation.invalidChoice');
  const identity = sopAdoptionInput.safeParse(input.data);
  if (!identity.success) throw AppError.validation(fieldErrorsOf(identity.error));
  if (await findSopBySlug(ctx.db, office.id, template.slug))
    throw AppError.field('template', 'validation.sop.alreadyAdopted');
  const settings = await getOfficeSettings(ctx.db, office.id);
  const text = (v: string) => forOffice(v, office.name);
  const blank = (v: string | null) => (v === null ? '' : text(v));
  return saveSop(ctx, actor, {
    officeId: office.id,
    data: {
      slug: template.slug,
      title: template.title,
      organization: [letterheadTitleLines(office, settings).join(' '), ...template.organization],
      legalBasis: template.legalBasis,
      qualifications: template.qualifications,
      executorCount: template.executorCount ?? '',
      relatedSops: template.relatedSops,
      equipment: template.equipment,
      warnings: template.warnings.map(text),
      records: template.records,
      actorColumns: template.actorColumns,
      ...identity.data,
      published: true,
    },
    steps: template.steps.map((s) => ({
      stepNo: s.stepNo,
      description: text(s.description),
      actors: s.actors,
      requirement: blank(s.requirement),
      timeText: blank(s.timeText),
      output: blank(s.output),
      remark: blank(s.remark),
    })),
    sourceNote: template.sourceNote,
  });
}
