import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/access/actor.ts';
import { endAnnouncement } from '../../src/modules/announcements/end-announcement.ts';
import { publishAnnouncement } from '../../src/modules/announcements/publish-announcement.ts';
import { queryRows } from '../../src/platform/db/database.ts';
import { createStaff, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { actorOf } from '../helpers/requests-fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// Pengumuman serta-merta (UU 14/2008 Pasal 10; Perki 1/2021): the required contents are
// required, the announcement is on the office page, its own page and the feed from the moment
// it is saved (the office page is cached per generation: the table's trigger bumps it), and
// ending it takes it off the office page but keeps it in the list and the feed. Runs on PGlite
// and on PostgreSQL (TEST_DATABASE).

const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let officeId: string;
let ppid: Actor;
let desk: Actor;
let ppidEmail: string;

const FLOOD = {
  kind: 'BENCANA_ALAM',
  title: 'Banjir di sekitar gudang logistik Gedebage',
  threat: 'Genangan setinggi 80 cm di Jalan Soekarno-Hatta dan sekitar gudang logistik pemilu.',
  affected: 'Warga Kecamatan Gedebage dan Rancasari, petugas gudang logistik.',
  whatToDo:
    'Hindari Jalan Soekarno-Hatta km 12; ikuti arahan petugas BPBD; matikan listrik di rumah yang tergenang.',
  evacuationPlace: 'Aula Kantor Kecamatan Gedebage',
  help: 'BPBD Kota Bandung (022) 112, posko KPU Kota Bandung (022) 7561 441.',
  announcer: 'PPID KPU Kota Bandung bersama BPBD Kota Bandung',
  mitigation: 'Logistik dipindahkan ke lantai dua; jadwal distribusi digeser satu hari.',
};

async function auditActions(): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    t.db.db,
    sql`select action from audit_log where entity_type = 'urgent_announcement' order by seq`,
  );
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
  officeId = (await office(t.db.db, OFFICE)).id;
  const p = await createStaff(t.db.db, t.clock, {
    name: 'Rina Kusumawati',
    roles: [{ office: OFFICE, role: 'PPID' }],
  });
  ppid = await actorOf(t, p.user);
  ppidEmail = p.email;
  desk = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'PETUGAS_LAYANAN' }] })).user,
  );
});
afterAll(async () => {
  await t.close();
});

describe('Pengumuman serta-merta', () => {
  it('refuses an announcement without its required contents, naming each missing part, and a desk officer', async () => {
    const ctx = { db: t.db.db, clock: t.clock };
    const missing = await publishAnnouncement(ctx, ppid, {
      officeId,
      data: { kind: 'BENCANA_ALAM', title: 'Banjir', threat: 'Genangan' },
    }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'VALIDATION' });
    const fields = (missing as { fields: { field: string }[] }).fields.map((f) => f.field).sort();
    expect(fields).toEqual(['affected', 'announcer', 'help', 'mitigation', 'whatToDo']);
    await expect(publishAnnouncement(ctx, desk, { officeId, data: FLOOD })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await auditActions()).toEqual([]);
  });

  it('is on the office page, its own page and the feed at once, and leaves the office page when ended', async () => {
    const visitor = new TestClient(t.app);
    // the office page is cached before the announcement exists
    const before = (await visitor.get(`/${OFFICE}`)).body;
    expect(before).not.toContain(FLOOD.title);

    const staff = new TestClient(t.app);
    await staff.login(ppidEmail, TEST_PASSWORD);
    const form = `/staff/${OFFICE}/serta-merta`;
    const bad = await staff.post(form, { ...FLOOD, help: '' }, { csrfFrom: form });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Cara mendapatkan bantuan');
    const saved = await staff.post(form, FLOOD, { csrfFrom: form });
    expect(saved.statusCode).toBe(302);
    const [row] = await queryRows<{ id: string }>(
      t.db.db,
      sql`select id from urgent_announcements where office_id = ${officeId}`,
    );
    const id = row!.id;

    const officePage = (await visitor.get(`/${OFFICE}`)).body;
    expect(officePage).toContain(FLOOD.title);
    expect(officePage).toContain(`href="/${OFFICE}/serta-merta/${id}"`);
    const page = (await visitor.get(`/${OFFICE}/serta-merta/${id}`)).body;
    for (const part of [
      FLOOD.threat,
      FLOOD.affected,
      FLOOD.whatToDo,
      FLOOD.evacuationPlace,
      FLOOD.help,
      FLOOD.announcer,
      FLOOD.mitigation,
    ])
      expect(page).toContain(part);
    for (const label of [
      'Potensi bahaya',
      'Pihak yang terdampak',
      'Tempat evakuasi',
      'Cara mendapatkan bantuan',
      'Pihak yang wajib mengumumkan',
      'Upaya mitigasi',
    ])
      expect(page).toContain(label);
    expect(page).not.toContain(ppidEmail);
    const feed = await visitor.get(`/${OFFICE}/serta-merta/atom.xml`);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain(`<title>${FLOOD.title}</title>`);
    expect(feed.body).toContain(`/${OFFICE}/serta-merta/${id}`);
    // another office shows nothing of it
    expect((await visitor.get(`/kpu-kab-bandung/serta-merta/${id}`)).statusCode).toBe(404);
    expect((await visitor.get('/kpu-kab-bandung')).body).not.toContain(FLOOD.title);

    t.clock.advance(10 * 60_000);
    await expect(
      endAnnouncement({ db: t.db.db, clock: t.clock }, desk, {
        officeId,
        announcementId: id,
        data: { endNote: 'Air surut' },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const end = await staff.post(
      `${form}/${id}/akhiri`,
      { endNote: 'Air telah surut; BPBD mencabut status siaga.' },
      { csrfFrom: form },
    );
    expect(end.statusCode).toBe(302);
    expect((await visitor.get(`/${OFFICE}`)).body).not.toContain(FLOOD.title);
    const list = (await visitor.get(`/${OFFICE}/serta-merta`)).body;
    expect(list).toContain(FLOOD.title);
    expect(list).toContain('Air telah surut; BPBD mencabut status siaga.');
    expect((await visitor.get(`/${OFFICE}/serta-merta/atom.xml`)).body).toContain(
      `[Berakhir] ${FLOOD.title}`,
    );
    await expect(
      endAnnouncement({ db: t.db.db, clock: t.clock }, ppid, {
        officeId,
        announcementId: id,
        data: { endNote: 'lagi' },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await auditActions()).toEqual(['announcement.published', 'announcement.ended']);
  });
});
