import { integer, pgTable, primaryKey, text, timestamp, unique, uuid, boolean } from 'drizzle-orm/pg-core';

// The office's SOP register: each SOP as structured data in the format of the seed SOPs
// (regulation.md §9 "SOP documents"): identity block, legal basis, qualifications, related
// SOPs, equipment, warnings, records, and the step table with executors and mutu baku.

export const sops = pgTable(
  'sops',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** Short name in URLs, unique in the office, e.g. "penyusunan-dip". */
    slug: text('slug').notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    /** The organisation lines above the identity block (office, bagian/subbagian). */
    organization: text('organization').array().notNull(),
    madeOn: text('made_on'),
    revisedOn: text('revised_on'),
    effectiveOn: text('effective_on'),
    approvedOn: text('approved_on'),
    approverTitle: text('approver_title').notNull(),
    approverName: text('approver_name'),
    legalBasis: text('legal_basis').array().notNull(),
    qualifications: text('qualifications').array().notNull(),
    executorCount: text('executor_count'),
    relatedSops: text('related_sops').array().notNull(),
    equipment: text('equipment').array().notNull(),
    warnings: text('warnings').array().notNull(),
    records: text('records').array().notNull(),
    /** Column headers of the "Pelaksana" part of the step table. */
    actorColumns: text('actor_columns').array().notNull(),
    /** Where the SOP came from (seed file, adapted from which office). */
    sourceNote: text('source_note'),
    published: boolean('published').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.id] }), unique('sops_slug_key').on(t.officeId, t.slug)],
);

export const sopSteps = pgTable(
  'sop_steps',
  {
    officeId: uuid('office_id').notNull(),
    sopId: uuid('sop_id').notNull(),
    position: integer('position').notNull(),
    stepNo: text('step_no').notNull(),
    description: text('description').notNull(),
    /** The actor columns marked for this step (a subset of the SOP's actorColumns). */
    actors: text('actors').array().notNull(),
    requirement: text('requirement'),
    timeText: text('time_text'),
    output: text('output'),
    remark: text('remark'),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.sopId, t.position] })],
);
