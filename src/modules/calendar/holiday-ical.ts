import ICAL from 'ical.js';
import { addCalendarDays, compareDates, isIsoDate } from './working-days.ts';
import type { HolidayRow, NationalDayOffKind, RowProblem } from './holiday-csv.ts';

/**
 * Reads all-day events from an iCalendar file (as published by calendar services and some
 * ministries). A multi-day event yields one row per day. The kind comes from the event's
 * CATEGORIES when it names one (e.g. "CUTI_BERSAMA" or "Cuti Bersama"), otherwise from
 * `defaultKind`.
 */
export function parseHolidayIcal(
  text: string,
  defaultKind: NationalDayOffKind,
): { rows: HolidayRow[]; problems: RowProblem[] } {
  let vevents: ICAL.Component[];
  try {
    const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
    vevents = root.getAllSubcomponents('vevent');
  } catch {
    return { rows: [], problems: [{ row: 0, field: 'file', key: 'validation.icalUnreadable' }] };
  }
  const rows: HolidayRow[] = [];
  const problems: RowProblem[] = [];
  vevents.forEach((vevent, i) => {
    const event = new ICAL.Event(vevent);
    const start = event.startDate;
    const name = (event.summary ?? '').trim();
    if (!start || !name) {
      problems.push({ row: i + 1, field: start ? 'SUMMARY' : 'DTSTART', key: 'validation.required' });
      return;
    }
    const first = start.toString().slice(0, 10);
    // DTEND is exclusive for all-day events; without it the event is one day.
    const endExclusive = event.endDate ? event.endDate.toString().slice(0, 10) : addCalendarDays(first, 1);
    if (!isIsoDate(first)) {
      problems.push({ row: i + 1, field: 'DTSTART', key: 'validation.date' });
      return;
    }
    const categories = vevent
      .getAllProperties('categories')
      .flatMap((p) => p.getValues().map((v: unknown) => String(v)));
    const kind = kindFromCategories(categories) ?? defaultKind;
    const description = vevent.getFirstPropertyValue('description');
    let d = first;
    for (let n = 0; n < 31 && (n === 0 || compareDates(d, endExclusive) < 0); n++) {
      rows.push({
        date: d,
        kind,
        name,
        legalBasis: typeof description === 'string' ? description.slice(0, 300) : null,
      });
      d = addCalendarDays(d, 1);
    }
  });
  if (vevents.length === 0) problems.push({ row: 0, field: 'file', key: 'validation.icalEmpty' });
  return { rows, problems };
}

function kindFromCategories(categories: string[]): NationalDayOffKind | undefined {
  for (const c of categories) {
    const k = c.trim().toUpperCase().replace(/\s+/g, '_');
    if (k === 'LIBUR_NASIONAL' || k === 'CUTI_BERSAMA' || k === 'LIBUR_KHUSUS') return k;
  }
  return undefined;
}
