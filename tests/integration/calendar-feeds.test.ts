import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/platform/audit/schema.ts';
import type { Actor } from '../../src/modules/access/actor.ts';
import { officeClosures } from '../../src/modules/calendar/schema.ts';
import { calendarFeeds } from '../../src/modules/feeds/schema.ts';
import { users } from '../../src/modules/people/schema.ts';
import { assignRequests } from '../../src/modules/requests/assign-requests.ts';
import { disposeRequest } from '../../src/modules/requests/dispose-request.ts';
import { registerRequest } from '../../src/modules/requests/register-request.ts';
import { createStaff, createUnit, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { objectOnline, refusedRequest, submitOnline } from '../helpers/objections-fixtures.ts';
import { actorOf, requestsCtx } from '../helpers/requests-fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// iCalendar feeds (issue 15): an officer's deadlines behind a secret, revocable address, worded
// in the officer's language, listing only what their roles show that day and no personal data;
// and each office's days off in public.

const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let officeId: string;
let ppid: Actor;
let desk: Actor;
const staff: Record<string, { client: TestClient; userId: string }> = {};
const numbers: Record<string, string> = {};
let dispositionDue: string;
let objectionNumber: string;

async function signIn(
  key: string,
  role: 'PPID' | 'PETUGAS_LAYANAN' | 'PPID_PEMBANTU' | 'ATASAN_PPID',
  unitId?: string,
  slug = OFFICE,
) {
  const s = await createStaff(t.db.db, t.clock, {
    roles: [{ office: slug, role, ...(unitId ? { unitId } : {}) }],
  });
  const client = new TestClient(t.app);
  await client.login(s.email, TEST_PASSWORD);
  staff[key] = { client, userId: s.user.id };
  return s;
}

/** Creates a feed through the page as a browser would and returns its address. */
async function createFeed(key: string, scope: 'MINE' | 'OFFICE'): Promise<string> {
  const page = `/staff/${OFFICE}/kalender-saya`;
  const res = await staff[key]!.client.post(page, { scope }, { csrfFrom: page });
  expect(res.statusCode).toBe(200);
  const url = /http:\/\/[^<"\s]+\/kalender\/(cal_[A-Za-z0-9_-]+)\.ics/.exec(res.body);
  expect(url, res.body.slice(0, 400)).not.toBeNull();
  expect(res.body).toContain(`webcal://`);
  return `/kalender/${url![1]}.ics`;
}

async function fetchFeed(path: string) {
  const res = await t.app.inject({ method: 'GET', url: path });
  if (res.statusCode !== 200)
    return { status: res.statusCode, body: res.body, summaries: [] as string[], events: [] as ICAL.Event[] };
  expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
  const root = new ICAL.Component(ICAL.parse(res.body) as unknown[]);
  const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return {
    status: 200,
    body: res.body,
    name: root.getFirstPropertyValue('x-wr-calname'),
    summaries: events.map((e) => e.summary).sort(),
    events,
  };
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
  officeId = (await office(t.db.db, OFFICE)).id;
  const unit = await createUnit(t.db.db, OFFICE, 'Subbagian Teknis');
  const p = await signIn('ppid', 'PPID');
  const d = await signIn('desk', 'PETUGAS_LAYANAN');
  await signIn('unit', 'PPID_PEMBANTU', unit.id);
  await signIn('atasan', 'ATASAN_PPID');
  ppid = await actorOf(t, p.user);
  desk = await actorOf(t, d.user);

  const a = await submitOnline(t, officeId, { name: 'Dewi Lestari' });
  const b = await submitOnline(t, officeId, { name: 'Budi Santoso' });
  numbers.a = a.number;
  numbers.b = b.number;
  await assignRequests(requestsCtx(t), ppid, {
    officeId,
    data: { requestIds: [a.requestId], assigneeId: d.user.id },
  });
  await registerRequest(requestsCtx(t), desk, { officeId, requestId: b.requestId });
  dispositionDue = '2026-11-25';
  await disposeRequest(requestsCtx(t), ppid, {
    officeId,
    requestId: b.requestId,
    data: { unitIds: [unit.id], instruction: 'Siapkan salinan keputusan.', internalDueDate: dispositionDue },
  });
  const refused = await refusedRequest(t, officeId, { desk, ppid }, { name: 'Citra Kirana' });
  objectionNumber = (await objectOnline(t, officeId, refused)).number;
});
afterAll(async () => {
  await t.close();
});

describe('deadline feeds', () => {
  it('lists for each officer only what their roles show, by number and date, without personal data', async () => {
    const desksOwn = await fetchFeed(await createFeed('desk', 'MINE'));
    expect(desksOwn.status).toBe(200);
    expect(desksOwn.name).toBe('Tenggat saya — KPU Kota Bandung');
    expect(desksOwn.summaries).toEqual([`Tenggat permohonan ${numbers.a}`]);
    expect(desksOwn.events[0]!.startDate.isDate).toBe(true);
    expect(desksOwn.events[0]!.component.getFirstPropertyValue('url')).toMatch(
      new RegExp(`/staff/${OFFICE}/permohonan/[0-9a-f-]{36}$`),
    );

    const ppidAll = await fetchFeed(await createFeed('ppid', 'OFFICE'));
    expect(ppidAll.summaries).toEqual(
      [
        `Disposisi permohonan ${numbers.b}: jawaban unit`,
        `Tanggapan keberatan ${objectionNumber}`,
        `Tenggat permohonan ${numbers.a}`,
        `Tenggat permohonan ${numbers.b}`,
      ].sort(),
    );
    const disposition = ppidAll.events.find((e) => e.summary.startsWith('Disposisi'))!;
    expect(disposition.startDate.toString()).toBe(dispositionDue);
    expect(disposition.endDate.toString()).toBe('2026-11-26');
    for (const name of ['Dewi', 'Budi', 'Citra', 'contoh.test']) expect(ppidAll.body).not.toContain(name);

    const unitOwn = await fetchFeed(await createFeed('unit', 'MINE'));
    expect(unitOwn.summaries).toEqual([`Disposisi permohonan ${numbers.b}: jawaban unit`]);
    const unitAll = await fetchFeed(await createFeed('unit', 'OFFICE'));
    expect(unitAll.summaries).toEqual([`Disposisi permohonan ${numbers.b}: jawaban unit`]);

    const atasanOwn = await fetchFeed(await createFeed('atasan', 'MINE'));
    expect(atasanOwn.summaries).toEqual([`Tanggapan keberatan ${objectionNumber}`]);
  });

  it('keeps only a hash of the secret, and writes the feed in the language it was made in', async () => {
    await staff.ppid!.client.get('/bahasa/en');
    const path = await createFeed('ppid', 'MINE');
    const token = /(cal_[^.]+)\.ics/.exec(path)![1]!;
    const rows = await t.db.db.select().from(calendarFeeds).where(eq(calendarFeeds.officeId, officeId));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.some((r) => r.tokenHash.length === 64 && r.locale === 'en')).toBe(true);
    const feed = await fetchFeed(path);
    expect(feed.name).toBe('My deadlines — KPU Kota Bandung');
    expect(feed.summaries).toEqual([]);
    await staff.ppid!.client.get('/bahasa/id');
  });

  it('answers 404 once revoked, for a disabled account, and for an address never made', async () => {
    const path = await createFeed('desk', 'OFFICE');
    expect((await fetchFeed(path)).status).toBe(200);
    const [row] = await t.db.db
      .select()
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.userId, staff.desk!.userId), eq(calendarFeeds.scope, 'OFFICE')));
    expect(row!.lastUsedAt).not.toBeNull();
    const page = `/staff/${OFFICE}/kalender-saya`;
    const revoked = await staff.desk!.client.post(`${page}/${row!.id}/cabut`, {}, { csrfFrom: page });
    expect(revoked.statusCode).toBe(302);
    const gone = await fetchFeed(path);
    expect(gone.status).toBe(404);
    expect(gone.body).toBe('Kalender ini tidak ada atau sudah dicabut.');
    // Revoking twice, or another officer's feed, is not found.
    expect(
      (await staff.desk!.client.post(`${page}/${row!.id}/cabut`, {}, { csrfFrom: page })).statusCode,
    ).toBe(404);

    const unitPath = await createFeed('unit', 'MINE');
    await t.db.db.update(users).set({ disabledAt: t.clock.now() }).where(eq(users.id, staff.unit!.userId));
    expect((await fetchFeed(unitPath)).status).toBe(404);

    expect((await fetchFeed('/kalender/cal_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).status).toBe(
      404,
    );
    expect((await fetchFeed('/kalender/bukan-kalender.ics')).status).toBe(404);

    const audits = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.officeId, officeId), eq(auditLog.entityType, 'calendar_feed')));
    expect(audits.filter((a) => a.action === 'calendarFeed.revoked')).toHaveLength(1);
    expect(audits.filter((a) => a.action === 'calendarFeed.created').length).toBeGreaterThanOrEqual(7);
  });

  it('refuses the page to someone without a role in the office, and a revocation without the CSRF token', async () => {
    await signIn('garut', 'PPID', undefined, 'kpu-kab-garut');
    expect((await staff.garut!.client.get(`/staff/${OFFICE}/kalender-saya`)).statusCode).toBe(403);
    const noCsrf = await staff.ppid!.client.post(
      `/staff/${OFFICE}/kalender-saya`,
      { scope: 'MINE' },
      { csrf: false },
    );
    expect(noCsrf.statusCode).toBe(403);
    const bad = await staff.ppid!.client.post(
      `/staff/${OFFICE}/kalender-saya`,
      { scope: 'SEMUA' },
      { csrfFrom: `/staff/${OFFICE}/kalender-saya` },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Cakupan');
    expect(bad.body).not.toContain('SEMUA');
  });
});

describe('days-off feed', () => {
  it("lists the office's national days off and its own closures, not another office's", async () => {
    await t.db.db.insert(officeClosures).values({
      officeId,
      date: '2026-12-28',
      name: 'Kantor tutup: pindah gedung',
      createdAt: t.clock.now(),
    });
    const bandung = await fetchFeed(`/${OFFICE}/hari-libur.ics`);
    expect(bandung.status).toBe(200);
    const christmas = bandung.events.find((e) => e.startDate.toString() === '2026-12-25');
    expect(christmas?.summary).toMatch(/Natal|Yesus Kristus/);
    expect(christmas!.component.getFirstProperty('categories')!.getValues()).toEqual(['Libur nasional']);
    expect(bandung.summaries).toContain('Kantor tutup: pindah gedung');
    const garut = await fetchFeed('/kpu-kab-garut/hari-libur.ics');
    expect(garut.summaries).not.toContain('Kantor tutup: pindah gedung');
    expect(garut.summaries.length).toBe(bandung.summaries.length - 1);
    expect((await fetchFeed('/tidak-ada-kantor/hari-libur.ics')).status).toBe(404);
  });
});
