import ICAL from 'ical.js';
import { addCalendarDays } from '../calendar/working-days.ts';

/** One all-day entry of a feed. */
export interface FeedEvent {
  /** Stable across fetches, so a calendar moves an event instead of adding a second one. */
  uid: string;
  date: string;
  summary: string;
  description?: string;
  url?: string;
  categories?: string[];
}

/**
 * An iCalendar (RFC 5545) document of all-day events, as phone and desktop calendars
 * subscribe to. Written with ical.js, the library that already reads the holiday imports.
 */
export function buildIcs(input: {
  name: string;
  events: readonly FeedEvent[];
  now: Date;
  refreshHours?: number;
}): string {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.addPropertyWithValue('prodid', '-//Terbuka//PPID//ID');
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', 'PUBLISH');
  cal.addPropertyWithValue('x-wr-calname', input.name);
  cal.addPropertyWithValue('x-wr-timezone', 'Asia/Jakarta');
  // How often a subscribing calendar should fetch again (RFC 7986), and the older name for it.
  const refresh = `PT${input.refreshHours ?? 1}H`;
  cal.addPropertyWithValue('refresh-interval', ICAL.Duration.fromString(refresh));
  cal.addPropertyWithValue('x-published-ttl', refresh);
  const stamp = ICAL.Time.fromJSDate(input.now, true);
  for (const e of input.events) {
    const ev = new ICAL.Component('vevent');
    ev.addPropertyWithValue('uid', e.uid);
    ev.addPropertyWithValue('dtstamp', stamp);
    ev.addPropertyWithValue('dtstart', ICAL.Time.fromDateString(e.date));
    // DTEND of an all-day event is the next day (exclusive).
    ev.addPropertyWithValue('dtend', ICAL.Time.fromDateString(addCalendarDays(e.date, 1)));
    ev.addPropertyWithValue('summary', e.summary);
    ev.addPropertyWithValue('transp', 'TRANSPARENT');
    if (e.description) ev.addPropertyWithValue('description', e.description);
    if (e.url) ev.addPropertyWithValue('url', e.url);
    if (e.categories?.length) {
      const p = new ICAL.Property('categories');
      p.setValues(e.categories);
      ev.addProperty(p);
    }
    cal.addSubcomponent(ev);
  }
  // ical.js folds at `foldLength` characters and then adds the continuation space, one octet
  // over RFC 5545's 75; fold one shorter for the length of this synchronous call.
  const fold = ICAL.foldLength;
  ICAL.foldLength = 74;
  try {
    return cal.toString() + '\r\n';
  } finally {
    ICAL.foldLength = fold;
  }
}
