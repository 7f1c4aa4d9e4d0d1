import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/access/actor.ts';
import { disposeRequest } from '../../src/modules/requests/dispose-request.ts';
import { findDecision, findRequest } from '../../src/modules/requests/queries.ts';
import { registerRequest } from '../../src/modules/requests/register-request.ts';
import { queryRows } from '../../src/platform/db/database.ts';
import { DRAFT_MARK } from '../../src/platform/pdf/pdf.ts';
import { createStaff, createUnit, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { submitOnline } from '../helpers/objections-fixtures.ts';
import { pdfPages, pdfText } from '../helpers/pdf-text.ts';
import { actorOf, requestsCtx } from '../helpers/requests-fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// Preview before sending (ADR 0070): the officer reads the letter as the PDF it will be, and
// nothing is stored, audited or mailed; issuing while a unit has not answered asks first.

const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let officeId: string;
let desk: Actor;
let ppid: Actor;
let client: TestClient;

const GRANT = {
  outcome: 'GRANTED_FULL',
  materialDescription: 'Salinan keputusan penetapan DPT per kecamatan Kota Bandung',
  forms: 'SOFTCOPY',
  deliveryMethod: 'EMAIL',
};

async function counts(requestId: string) {
  const [row] = await queryRows<{ mails: number; audits: number; events: number }>(
    t.db.db,
    sql`select (select count(*)::int from mail_outbox) as mails, (select count(*)::int from audit_log) as audits,
               (select count(*)::int from request_events where request_id = ${requestId}) as events`,
  );
  return row!;
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
  officeId = (await office(t.db.db, OFFICE)).id;
  desk = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'PETUGAS_LAYANAN' }] })).user,
  );
  const p = await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'PPID' }] });
  ppid = await actorOf(t, p.user);
  client = new TestClient(t.app);
  await client.login(p.email, TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
});

describe('preview before sending', () => {
  it('draws the written notice and the extension letter from the form without issuing anything, then asks before issuing past a pending disposition', async () => {
    const submitted = await submitOnline(t, officeId);
    const id = submitted.requestId;
    await registerRequest(requestsCtx(t), desk, { officeId, requestId: id });
    const unit = await createUnit(t.db.db, OFFICE, 'Bagian Perencanaan dan Data');
    await disposeRequest(requestsCtx(t), ppid, {
      officeId,
      requestId: id,
      data: {
        unitIds: [unit.id],
        instruction: 'Siapkan salinan keputusan DPT.',
        internalDueDate: '2026-11-25',
      },
    });
    const page = `/staff/${OFFICE}/permohonan/${id}`;
    const before = await counts(id);
    const statusBefore = (await findRequest(t.db.db, officeId, id))!.status;

    const html = (await client.get(page)).body;
    expect(html).toContain('Pratinjau pemberitahuan tertulis (PDF)');
    expect(html).toContain('1 disposisi belum dijawab unit kerja');
    expect(html).toContain(`formaction="${page}/putusan/pratinjau"`);

    const preview = await client.post(
      `${page}/putusan/pratinjau`,
      { ...GRANT, previewKind: 'pemberitahuan-tertulis' },
      { csrfFrom: page },
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(String(preview.headers['content-disposition'])).toContain('draf-pemberitahuan-tertulis');
    const previewPages = await pdfPages(preview.rawPayload);
    const previewText = previewPages.join('\n');
    expect(previewText).toContain('Salinan keputusan penetapan DPT per kecamatan Kota Bandung');
    // Marked as a draft on every page (ADR 0115).
    for (const p of previewPages) expect(p).toContain(` ${DRAFT_MARK.word} ${DRAFT_MARK.line}`);
    // Nothing happened: same status, no decision, no mail, no audit entry, no event.
    expect((await findRequest(t.db.db, officeId, id))!.status).toBe(statusBefore);
    expect(await findDecision(t.db.db, officeId, id, 1)).toBeUndefined();
    expect(await counts(id)).toEqual(before);

    const extension = await client.post(
      `${page}/perpanjangan/pratinjau`,
      { reason: 'Dokumen tersebar di beberapa unit dan perlu dihimpun terlebih dahulu.' },
      { csrfFrom: page },
    );
    expect(extension.headers['content-type']).toBe('application/pdf');
    const extensionText = await pdfText(extension.rawPayload);
    expect(extensionText).toContain('Dokumen tersebar di beberapa unit');
    expect(extensionText).toContain(DRAFT_MARK.line);
    expect((await findRequest(t.db.db, officeId, id))!.extendedDueDate).toBeNull();

    // A preview with a missing field re-draws the form with the error, by its label.
    const invalid = await client.post(
      `${page}/putusan/pratinjau`,
      { outcome: 'GRANTED_FULL', previewKind: 'pemberitahuan-tertulis' },
      { csrfFrom: page },
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('error-summary');
    expect(invalid.body).not.toContain('materialDescription:');

    // Issuing while the unit has not answered: refused until confirmed, named by its label.
    const unconfirmed = await client.post(`${page}/putusan`, GRANT, { csrfFrom: page });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain(
      'Saya tetap menerbitkan putusan sebelum semua unit menjawab disposisi: 1 disposisi masih menunggu jawaban unit kerja.',
    );
    expect(await findDecision(t.db.db, officeId, id, 1)).toBeUndefined();

    const issued = await client.post(
      `${page}/putusan`,
      { ...GRANT, confirmPendingDispositions: 'on' },
      { csrfFrom: page },
    );
    expect(issued.statusCode).toBe(302);
    const letter = await client.get(`${page}/dokumen/pemberitahuan-tertulis`);
    // The preview was the letter it became, less its draft mark.
    const letterText = await pdfText(letter.rawPayload);
    expect(letterText).not.toContain(DRAFT_MARK.word);
    expect(letterText).toBe(
      previewPages.map((p) => p.replace(` ${DRAFT_MARK.word} ${DRAFT_MARK.line}`, '')).join('\n'),
    );
  });
});
