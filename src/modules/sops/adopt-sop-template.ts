import { AppError } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Actor } from '../access/actor.ts';
import { letterheadTitleLines } from '../offices/letterhead.ts';
import { findOfficeById, getOfficeSettings } from '../offices/queries.ts';
import { findSopBySlug, type Sop } from './queries.ts';
import { saveSop } from './save-sop.ts';
import { findSopTemplate } from './templates.ts';

/**
 * Adds one of the seed SOPs (or the objections SOP) to the office's register, with the
 * office's name in its heading; the office then adapts number, dates and approver.
 */
export async function adoptSopTemplate(ctx: Ctx, actor: Actor, input: { officeId: string; templateKey: unknown }): Promise<Sop> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  const template = typeof input.templateKey === 'string' ? findSopTemplate(input.templateKey) : undefined;
  if (!template) throw AppError.field('template', 'validation.invalidChoice');
  if (await findSopBySlug(ctx.db, office.id, template.slug)) throw AppError.field('template', 'validation.sop.alreadyAdopted');
  const { steps, key: _key, sourceNote, ...head } = template;
  // Form fields: an empty value is "not given".
  const blanks = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v ?? '']));
  return saveSop(ctx, actor, {
    officeId: office.id,
    data: { ...blanks(head), organization: [letterheadTitleLines(office, await getOfficeSettings(ctx.db, office.id)).join(' '), ...head.organization.slice(1)], published: true },
    steps: steps.map(blanks),
    sourceNote,
  });
}
