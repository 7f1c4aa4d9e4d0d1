import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/access/actor.ts';
import { findObjection, findObjectionDecision } from '../../src/modules/objections/queries.ts';
import { findRequest } from '../../src/modules/requests/queries.ts';
import { queryRows } from '../../src/platform/db/database.ts';
import { DRAFT_MARK } from '../../src/platform/pdf/pdf.ts';
import { createStaff, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { objectOnline, refusedRequest } from '../helpers/objections-fixtures.ts';
import { pdfPages } from '../helpers/pdf-text.ts';
import { actorOf } from '../helpers/requests-fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// Preview before sending for the Atasan PPID (issue 15, ADR 0115): the Tanggapan atas Keberatan
// as the decision would issue it, marked DRAF on every page, with nothing decided, reopened,
// numbered, audited, added to a timeline or mailed; then the real decision issues it unmarked.

const OFFICE = 'kpu-kota-bandung';
const POSITION = 'Sekretaris KPU Kota Bandung';
const REASONS =
  'Ringkasan hasil pemeriksaan kesehatan dapat dibuka; rincian medis tetap dikecualikan menurut Pasal 17 huruf h angka 2.';
const ORDER = 'Berikan ringkasan hasil pemeriksaan kesehatan calon tanpa rincian medis.';
const DECISION = {
  outcome: 'GRANTED_IN_PART',
  reasons: REASONS,
  order: ORDER,
  orderDays: '7',
  position: POSITION,
};

let t: TestApp;
let officeId: string;
let desk: Actor;
let ppid: Actor;
let atasan: TestClient;
let deskClient: TestClient;

/** Everything a decision writes, counted: nothing of it may move on a preview. */
async function footprint(requestId: string, objectionId: string) {
  const [row] = await queryRows<{ mails: number; decisions: number } & Record<string, unknown>>(
    t.db.db,
    sql`select (select count(*)::int from mail_outbox) as mails,
               (select count(*)::int from audit_log) as audits,
               (select count(*)::int from request_events where request_id = ${requestId}) as request_events,
               (select count(*)::int from objection_events where objection_id = ${objectionId}) as objection_events,
               (select count(*)::int from objection_decisions) as decisions,
               (select count(*)::int from request_decisions where request_id = ${requestId}) as request_decisions,
               (select coalesce(json_agg(json_build_array(year, last_seq) order by year), '[]')::text from request_counters) as request_counters,
               (select coalesce(json_agg(json_build_array(year, last_seq) order by year), '[]')::text from objection_counters) as objection_counters`,
  );
  const request = (await findRequest(t.db.db, officeId, requestId))!;
  const objection = (await findObjection(t.db.db, officeId, objectionId))!;
  return {
    ...row!,
    request: [request.status, request.round, request.dueDate],
    objection: [objection.status, objection.decidedAt, objection.disputeDeadline],
  };
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-07-01T02:00:00Z' });
  officeId = (await office(t.db.db, OFFICE)).id;
  desk = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'PETUGAS_LAYANAN' }] })).user,
  );
  ppid = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'PPID' }] })).user,
  );
  const a = await createStaff(t.db.db, t.clock, {
    name: 'Dadang Suherman',
    roles: [{ office: OFFICE, role: 'ATASAN_PPID' }],
  });
  atasan = new TestClient(t.app);
  await atasan.login(a.email, TEST_PASSWORD);
  const d = await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'PETUGAS_LAYANAN' }] });
  deskClient = new TestClient(t.app);
  await deskClient.login(d.email, TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
});

describe('previewing the Tanggapan Atasan PPID', () => {
  it('draws the answer marked DRAF from the form with nothing written, refuses roles that cannot decide, and issues it unmarked', async () => {
    const request = await refusedRequest(t, officeId, { desk, ppid });
    const filed = await objectOnline(t, officeId, request);
    const id = filed.objectionId;
    const page = `/staff/${OFFICE}/keberatan/${id}`;

    const html = (await atasan.get(page)).body;
    expect(html).toContain('Pratinjau surat tanggapan (PDF)');
    expect(html).toContain(`formaction="${page}/putusan/pratinjau"`);

    const before = await footprint(request.requestId, id);
    const preview = await atasan.post(`${page}/putusan/pratinjau`, DECISION, { csrfFrom: page });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(String(preview.headers['content-disposition'])).toContain('draf-tanggapan-atasan-ppid-');
    const pages = await pdfPages(preview.rawPayload);
    // Every page is marked, and the letter says what the decision would say, signed by whom.
    for (const p of pages) {
      expect(p).toContain(DRAFT_MARK.word);
      expect(p).toContain(DRAFT_MARK.line);
    }
    const text = pages.join('\n');
    expect(text).toContain('TANGGAPAN ATASAN PPID ATAS KEBERATAN');
    expect(text).toContain(filed.number);
    expect(text).toContain('Dadang Suherman');
    expect(text).toContain(POSITION);
    expect(text).toContain(REASONS);
    expect(text).toContain(ORDER);
    expect(text).toContain('(7 hari kerja)');
    // Nothing happened: same objection and request, no decision row, no mail, audit, event or number.
    expect(await footprint(request.requestId, id)).toEqual(before);
    expect(await findObjectionDecision(t.db.db, officeId, id)).toBeUndefined();

    // The same form's checks: a missing order re-draws the decision form with its error.
    const invalid = await atasan.post(
      `${page}/putusan/pratinjau`,
      { ...DECISION, order: '' },
      { csrfFrom: page },
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('error-summary');
    expect(invalid.body).toMatch(/<details class="action" open(="")? id="aksi-putusan"/);

    // Who may not decide may not preview either; a preview without the form's token is refused.
    const deskTry = await deskClient.post(`${page}/putusan/pratinjau`, DECISION, { csrfFrom: '/staff/akun' });
    expect(deskTry.statusCode).toBe(403);
    const noToken = await atasan.post(`${page}/putusan/pratinjau`, DECISION, { csrf: false });
    expect(noToken.statusCode).toBe(403);
    expect(await footprint(request.requestId, id)).toEqual(before);

    // Issuing: the letter is the preview without its mark.
    const issued = await atasan.post(`${page}/putusan`, DECISION, { csrfFrom: page });
    expect(issued.statusCode).toBe(302);
    expect((await findObjection(t.db.db, officeId, id))!.status).toBe('DECIDED');
    const letter = await atasan.get(`${page}/dokumen/tanggapan-atasan-ppid`);
    expect(letter.statusCode).toBe(200);
    const letterPages = await pdfPages(letter.rawPayload);
    expect(letterPages.join('\n')).not.toContain(DRAFT_MARK.word);
    expect(letterPages).toEqual(pages.map((p) => p.replace(` ${DRAFT_MARK.word} ${DRAFT_MARK.line}`, '')));
    const after = await footprint(request.requestId, id);
    expect(after.decisions).toBe(before.decisions + 1);
    expect(after.mails).toBeGreaterThan(before.mails);
  });
});
