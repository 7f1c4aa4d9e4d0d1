import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCoveredYears, listHolidays } from '../../src/modules/calendar/queries.ts';
import { createStaff, TEST_PASSWORD } from '../helpers/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let national: TestClient;
let bandungAdmin: TestClient;
const page = '/staff/kpu-ri/kalender';

beforeAll(async () => {
  t = await createTestApp();
  const n = await createStaff(t.db.db, t.clock, { roles: [{ office: 'kpu-ri', role: 'NATIONAL_ADMIN' }] });
  national = new TestClient(t.app);
  await national.login(n.email, TEST_PASSWORD);
  const a = await createStaff(t.db.db, t.clock, { roles: [{ office: 'kpu-kota-bandung', role: 'ADMIN' }] });
  bandungAdmin = new TestClient(t.app);
  await bandungAdmin.login(a.email, TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
});

const csv = (rows: string[]) => ['date,kind,name,legal_basis', ...rows].join('\n');

describe('holiday administration', () => {
  it('rejects a CSV with bad rows as a whole, naming each row and field', async () => {
    const res = await national.postMultipart(
      `${page}/impor`,
      { format: 'csv', defaultKind: 'LIBUR_NASIONAL', markYearsCovered: 'on' },
      [
        {
          field: 'file',
          filename: 'skb-2027.csv',
          contentType: 'text/csv',
          content: csv([
            '2027-01-01,LIBUR_NASIONAL,Tahun Baru 2027 Masehi,SKB 2027',
            '2027-02-30,LIBUR_NASIONAL,Tanggal mustahil,SKB 2027',
            '2027-03-10,LIBUR_NASIONAL,,SKB 2027',
            '2027-03-11,HARI_RAYA,Jenis salah,SKB 2027',
          ]),
        },
      ],
      { csrfFrom: page },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Baris 3, Tanggal');
    expect(res.body).toContain('Baris 4, Nama');
    expect(res.body).toContain('Baris 5, Jenis');
    expect(res.body).toContain('Pilih salah satu: Libur nasional, Cuti bersama');
    expect(res.body).not.toContain('row 3');
    expect(res.body).not.toContain('LIBUR_NASIONAL, CUTI_BERSAMA');
    expect(await listHolidays(t.db.db, 2027)).toEqual([]);
    expect((await listCoveredYears(t.db.db)).map((y) => y.year)).not.toContain(2027);
  });

  it('imports a good CSV, marks the year as loaded, and the due-date warning disappears', async () => {
    const q = new URLSearchParams({
      office: 'kpu-ri',
      receivedAt: '2026-12-28T09:00:00+07:00',
      workingDays: '10',
    });
    const before = (await t.app.inject(`/api/v1/calendar/due-date?${q}`)).json();
    expect(before.warnings).toHaveLength(1);
    const res = await national.postMultipart(
      `${page}/impor`,
      { format: 'csv', defaultKind: 'LIBUR_NASIONAL', markYearsCovered: 'on' },
      [
        {
          field: 'file',
          filename: 'skb-2027.csv',
          contentType: 'text/csv',
          content: csv(['2027-01-01,LIBUR_NASIONAL,Tahun Baru 2027 Masehi,SKB 2027']),
        },
      ],
      { csrfFrom: page },
    );
    expect(res.statusCode).toBe(302);
    const after = (await t.app.inject(`/api/v1/calendar/due-date?${q}`)).json();
    expect(after.warnings).toEqual([]);
    expect(after.skipped).toContainEqual({
      date: '2027-01-01',
      reason: 'LIBUR_NASIONAL',
      name: 'Tahun Baru 2027 Masehi',
    });
  });

  it('accepts the CSV an officer saves from Excel, leaves the year unmarked by default, and warns of a thin year', async () => {
    const excel = [
      'Tanggal;Jenis;Nama;Dasar Hukum',
      '01/01/2028;Libur Nasional;Tahun Baru 2028 Masehi;SKB 2028',
      '16/02/2028;cuti bersama;Cuti Bersama Imlek;SKB 2028',
      ';;;',
    ].join('\r\n');
    const res = await national.postMultipart(
      `${page}/impor`,
      { format: 'csv', defaultKind: 'LIBUR_NASIONAL' },
      [{ field: 'file', filename: 'skb-2028.csv', contentType: 'text/csv', content: excel }],
      { csrfFrom: page },
    );
    expect(res.statusCode).toBe(302);
    const days = await listHolidays(t.db.db, 2028);
    expect(days.map((d) => [d.date, d.kind])).toEqual([
      ['2028-01-01', 'LIBUR_NASIONAL'],
      ['2028-02-16', 'CUTI_BERSAMA'],
    ]);
    expect((await listCoveredYears(t.db.db)).map((y) => y.year)).not.toContain(2028);
    const pageAfter = await national.get(`${page}?tahun=2028`);
    expect(pageAfter.body).toContain('jauh lebih sedikit hari libur');
    // The checkbox is not ticked when the page is shown.
    expect(pageAfter.body).not.toMatch(/name="markYearsCovered"[^>]*checked/);
  });

  it('imports days off from iCalendar, a multi-day event as several days', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'BEGIN:VEVENT',
      'UID:1@test',
      'DTSTART;VALUE=DATE:20270310',
      'DTEND;VALUE=DATE:20270312',
      'SUMMARY:Cuti Bersama Idul Fitri 1448 H',
      'CATEGORIES:CUTI_BERSAMA',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const res = await national.postMultipart(
      `${page}/impor`,
      { format: 'ical', defaultKind: 'LIBUR_NASIONAL', markYearsCovered: 'on' },
      [{ field: 'file', filename: 'libur.ics', contentType: 'text/calendar', content: ics }],
      { csrfFrom: page },
    );
    expect(res.statusCode).toBe(302);
    const days = (await listHolidays(t.db.db, 2027)).filter((h) => h.kind === 'CUTI_BERSAMA');
    expect(days.map((d) => d.date)).toEqual(['2027-03-10', '2027-03-11']);
  });

  it('adds a cuti bersama announced mid-year, which moves due dates', async () => {
    const q = new URLSearchParams({
      office: 'kpu-ri',
      receivedAt: '2026-11-18T09:00:00+07:00',
      workingDays: '1',
    });
    expect((await t.app.inject(`/api/v1/calendar/due-date?${q}`)).json().dueDate).toBe('2026-11-19');
    const res = await national.post(
      `${page}/libur`,
      {
        date: '2026-11-19',
        kind: 'CUTI_BERSAMA',
        name: 'Cuti Bersama Tambahan',
        legalBasis: 'SKB perubahan',
      },
      { csrfFrom: page },
    );
    expect(res.statusCode).toBe(302);
    expect((await t.app.inject(`/api/v1/calendar/due-date?${q}`)).json().dueDate).toBe('2026-11-20');
  });

  it("lets an office close for a day, which moves only that office's deadlines", async () => {
    const closure = await bandungAdmin.post(
      '/staff/kpu-kota-bandung/kalender/penutupan',
      { date: '2026-12-02', name: 'Kantor ditutup: banjir', decree: 'SK Sekretaris 5/2026' },
      { csrfFrom: '/staff/kpu-kota-bandung/kalender' },
    );
    expect(closure.statusCode).toBe(302);
    const due = async (officeSlug: string) =>
      (
        await t.app.inject(
          `/api/v1/calendar/due-date?${new URLSearchParams({ office: officeSlug, receivedAt: '2026-12-01T09:00:00+07:00', workingDays: '2' })}`,
        )
      ).json();
    const bandung = await due('kpu-kota-bandung');
    expect(bandung.dueDate).toBe('2026-12-04');
    expect(bandung.skipped).toContainEqual({
      date: '2026-12-02',
      reason: 'OFFICE_CLOSURE',
      name: 'Kantor ditutup: banjir',
    });
    expect((await due('kpu-kab-bandung')).dueDate).toBe('2026-12-03');
  });

  it('explains a computed date on the calendar page', async () => {
    const res = await bandungAdmin.get(
      '/staff/kpu-kota-bandung/kalender?diterima=2026-03-16T09:00&hari=10&tahun=2026',
    );
    expect(res.body).toContain('Selasa, 7 April 2026');
    expect(res.body).toContain('Hari Suci Nyepi');
    const bad = await bandungAdmin.get('/staff/kpu-kota-bandung/kalender?diterima=kemarin&hari=sepuluh');
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('Jumlah hari kerja harus bilangan bulat');
  });
});
