import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs } from './ics.ts';

const now = new Date('2026-12-03T02:00:00Z');

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return { root, events: root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('buildIcs', () => {
  const cases = [
    {
      name: 'one event',
      events: [{ uid: 'a@x', date: '2026-12-15', summary: 'Batas jawab 0001' }],
      end: '2026-12-16',
    },
    {
      name: 'year end',
      events: [{ uid: 'b@x', date: '2026-12-31', summary: 'Batas, akhir tahun; koma' }],
      end: '2027-01-01',
    },
    { name: 'leap day', events: [{ uid: 'c@x', date: '2028-02-29', summary: 'Kabisat' }], end: '2028-03-01' },
  ];
  it.each(cases)('writes an all-day event a calendar reads back: $name', ({ events, end }) => {
    const text = buildIcs({ name: 'Tenggat', events, now });
    expect(text).toContain('BEGIN:VCALENDAR\r\n');
    expect(text).toContain('VERSION:2.0');
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
    const { root, events: read } = parse(text);
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Tenggat');
    expect(read).toHaveLength(1);
    expect(read[0]!.uid).toBe(events[0]!.uid);
    expect(read[0]!.summary).toBe(events[0]!.summary);
    expect(read[0]!.startDate.isDate).toBe(true);
    expect(read[0]!.startDate.toString()).toBe(events[0]!.date);
    expect(read[0]!.endDate.toString()).toBe(end);
  });

  it('keeps a description, a link and categories, and folds long lines at 75 octets', () => {
    const long = 'Uraian '.repeat(40).trim();
    const text = buildIcs({
      name: 'x',
      now,
      events: [
        {
          uid: 'd@x',
          date: '2026-12-15',
          summary: 's',
          description: long,
          url: 'https://ppid.example/staff/a',
          categories: ['Permohonan', 'Tenggat'],
        },
      ],
    });
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const { events } = parse(text);
    expect(events[0]!.description).toBe(long);
    expect(events[0]!.component.getFirstPropertyValue('url')).toBe('https://ppid.example/staff/a');
    expect(events[0]!.component.getFirstProperty('categories')!.getValues()).toEqual([
      'Permohonan',
      'Tenggat',
    ]);
  });

  it('writes an empty calendar when there is nothing due', () => {
    const { events, root } = parse(buildIcs({ name: 'x', now, events: [] }));
    expect(events).toHaveLength(0);
    expect(root.getFirstPropertyValue('prodid')).toBe('-//Terbuka//PPID//ID');
  });
});
