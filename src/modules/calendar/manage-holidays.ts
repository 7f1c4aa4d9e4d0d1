import { z } from 'zod';
import { formatDate } from '../../platform/i18n.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can } from '../access/permissions.ts';
import { findOfficeById } from '../offices/queries.ts';
import { calendarChanged } from './calendar-changes.ts';
import { NATIONAL_DAY_OFF_KINDS, parseHolidayCsv, type HolidayRow } from './holiday-csv.ts';
import { parseHolidayIcal } from './holiday-ical.ts';
import {
  countNationalDaysOff,
  deleteHoliday,
  deleteOfficeClosure,
  findHolidayNamed,
  insertHoliday,
  insertOfficeClosure,
  markHolidayYear,
  updateHoliday,
} from './holiday-queries.ts';
import { findHoliday } from './queries.ts';
import { isIsoDate } from './working-days.ts';

const isoDate = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z.string().refine(isIsoDate, { message: 'validation.date' }),
);

export const holidayInput = z.object({
  date: isoDate,
  kind: z.enum(NATIONAL_DAY_OFF_KINDS),
  name: field.text(300),
  legalBasis: field.optionalText(300),
});

/** Adds one national day off (e.g. a cuti bersama added mid-year by an amended SKB). */
export async function addHoliday(ctx: Ctx, actor: Actor, raw: unknown): Promise<void> {
  if (!can.manageNationalHolidays(actor)) throw AppError.forbidden();
  const input = parseInput(holidayInput, raw);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await insertHoliday(tx, {
      ...input,
      legalBasis: input.legalBasis ?? null,
      source: 'manual',
      createdBy: actor.label,
      createdAt: now,
    });
    if (!row) throw AppError.field('date', 'validation.holidayExists');
    await auditAs(
      tx,
      actor,
      { officeId: null, action: 'holiday.added', entityType: 'holiday', entityId: row.id, after: row },
      now,
    );
    await calendarChanged(
      tx,
      actor,
      { scope: 'NATIONAL', cause: `hari libur ditambahkan, ${formatDate(row.date, 'id')} (${row.name})` },
      now,
    );
  });
}

export async function removeHoliday(ctx: Ctx, actor: Actor, holidayId: string): Promise<void> {
  if (!can.manageNationalHolidays(actor)) throw AppError.forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = await findHoliday(tx, holidayId);
    if (!before) throw AppError.notFound();
    await deleteHoliday(tx, holidayId);
    await auditAs(
      tx,
      actor,
      { officeId: null, action: 'holiday.removed', entityType: 'holiday', entityId: holidayId, before },
      now,
    );
    await calendarChanged(
      tx,
      actor,
      { scope: 'NATIONAL', cause: `hari libur dihapus, ${formatDate(before.date, 'id')} (${before.name})` },
      now,
    );
  });
}

export const importInput = z.object({
  format: z.enum(['csv', 'ical']),
  defaultKind: z.enum(NATIONAL_DAY_OFF_KINDS).default('LIBUR_NASIONAL'),
  /** Mark the years in the file as having their official list loaded (off unless ticked). */
  markYearsCovered: field.checkbox().default(false),
});

/**
 * A normal SKB lists 25–29 national days off and joint leave days (2024: 29, 2025: 28,
 * 2026: 25); a year with fewer than this after an import is flagged as probably incomplete.
 */
export const THIN_YEAR_DAYS = 15;

export interface ImportResult {
  added: number;
  updated: number;
  years: number[];
  /** Years that hold fewer national days off than a normal SKB after the import. */
  thinYears: { year: number; days: number }[];
}

/**
 * Imports days off from CSV (holidays-id.csv layout) or iCalendar. All rows or none: any bad
 * row rejects the whole file with the problem of every row.
 */
export async function importHolidays(
  ctx: Ctx,
  actor: Actor,
  rawOptions: unknown,
  text: string,
): Promise<ImportResult> {
  if (!can.manageNationalHolidays(actor)) throw AppError.forbidden();
  const options = parseInput(importInput, rawOptions);
  const parsed =
    options.format === 'csv' ? parseHolidayCsv(text) : parseHolidayIcal(text, options.defaultKind);
  if (parsed.problems.length > 0) {
    throw AppError.validation(
      parsed.problems.map<FieldError>((p) => ({
        // "row:3:date": the page names it "Baris 3, Tanggal" (see web/staff/calendar.tsx).
        field: p.row > 0 ? `row:${p.row}:${p.field}` : p.field,
        key: p.key,
        ...(p.params ? { params: p.params } : {}),
      })),
    );
  }
  return applyHolidayRows(ctx, actor, parsed.rows, options.format, options.markYearsCovered);
}

async function applyHolidayRows(
  ctx: Ctx,
  actor: Actor,
  rows: HolidayRow[],
  source: 'csv' | 'ical',
  markYearsCovered: boolean,
): Promise<ImportResult> {
  const now = ctx.clock.now();
  const years = [...new Set(rows.map((r) => Number(r.date.slice(0, 4))))].sort();
  return ctx.db.transaction(async (tx) => {
    let added = 0;
    let updated = 0;
    for (const r of rows) {
      const existing = await findHolidayNamed(tx, r.date, r.name);
      if (existing && !existing.scopeOfficeId) {
        if (existing.kind !== r.kind || existing.legalBasis !== r.legalBasis) {
          await updateHoliday(tx, existing.id, { kind: r.kind, legalBasis: r.legalBasis });
          updated++;
        }
        continue;
      }
      await insertHoliday(tx, { ...r, source, createdBy: actor.label, createdAt: now });
      added++;
    }
    if (markYearsCovered) {
      for (const year of years) {
        await markHolidayYear(
          tx,
          { year, note: `Impor ${source.toUpperCase()}`, confirmedAt: now, confirmedBy: actor.label },
          false,
        );
      }
    }
    await auditAs(
      tx,
      actor,
      {
        officeId: null,
        action: 'holiday.imported',
        entityType: 'holiday',
        after: { source, added, updated, years },
      },
      now,
    );
    const thinYears: { year: number; days: number }[] = [];
    for (const year of years) {
      const days = await countNationalDaysOff(tx, year);
      if (days < THIN_YEAR_DAYS) thinYears.push({ year, days });
    }
    if (added + updated > 0 || markYearsCovered) {
      await calendarChanged(
        tx,
        actor,
        { scope: 'NATIONAL', cause: `daftar hari libur tahun ${years.join(', ')} dimuat` },
        now,
      );
    }
    return { added, updated, years, thinYears };
  });
}

/** Records that a year's official list (SKB) is loaded, so its deadlines stop warning. */
export async function confirmHolidayYear(ctx: Ctx, actor: Actor, raw: unknown): Promise<void> {
  if (!can.manageNationalHolidays(actor)) throw AppError.forbidden();
  const input = parseInput(z.object({ year: field.int(2000, 2100), note: field.optionalText(300) }), raw);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await markHolidayYear(
      tx,
      { year: input.year, note: input.note ?? null, confirmedAt: now, confirmedBy: actor.label },
      true,
    );
    await auditAs(
      tx,
      actor,
      {
        officeId: null,
        action: 'holiday.year_confirmed',
        entityType: 'holiday_year',
        entityId: String(input.year),
        after: input,
      },
      now,
    );
    await calendarChanged(
      tx,
      actor,
      { scope: 'NATIONAL', cause: `daftar hari libur tahun ${input.year} dinyatakan lengkap` },
      now,
    );
  });
}

export const closureInput = z.object({
  date: isoDate,
  name: field.text(300),
  decree: field.optionalText(300),
});

export async function addOfficeClosure(
  ctx: Ctx,
  actor: Actor,
  officeId: string,
  raw: unknown,
): Promise<void> {
  const office = await findOfficeById(ctx.db, officeId);
  if (!office) throw AppError.notFound();
  if (!can.administerOffice(actor, office)) throw AppError.forbidden();
  const input = parseInput(closureInput, raw);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await insertOfficeClosure(tx, {
      officeId,
      date: input.date,
      name: input.name,
      decree: input.decree ?? null,
      createdAt: now,
      createdBy: actor.label,
    });
    if (!row) throw AppError.field('date', 'validation.closureExists');
    await auditAs(
      tx,
      actor,
      { officeId, action: 'closure.added', entityType: 'office_closure', entityId: row.id, after: row },
      now,
    );
    await calendarChanged(
      tx,
      actor,
      { scope: 'OFFICE', officeId, cause: `kantor tutup, ${formatDate(row.date, 'id')} (${row.name})` },
      now,
    );
  });
}

export async function removeOfficeClosure(
  ctx: Ctx,
  actor: Actor,
  officeId: string,
  closureId: string,
): Promise<void> {
  const office = await findOfficeById(ctx.db, officeId);
  if (!office) throw AppError.notFound();
  if (!can.administerOffice(actor, office)) throw AppError.forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = await deleteOfficeClosure(tx, officeId, closureId);
    if (!before) throw AppError.notFound();
    await auditAs(
      tx,
      actor,
      { officeId, action: 'closure.removed', entityType: 'office_closure', entityId: closureId, before },
      now,
    );
    await calendarChanged(
      tx,
      actor,
      {
        scope: 'OFFICE',
        officeId,
        cause: `penutupan kantor dibatalkan, ${formatDate(before.date, 'id')} (${before.name})`,
      },
      now,
    );
  });
}
