import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicActor } from '../../src/modules/access/actor.ts';
import { findRequest } from '../../src/modules/requests/queries.ts';
import { submitRequest } from '../../src/modules/requests/submit-request.ts';
import { withdrawRequest } from '../../src/modules/requests/withdraw-request.ts';
import { JobWorker } from '../../src/platform/jobs/queue.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { jobDefinitions } from '../../src/jobs.ts';
import { createStaff, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { pngImage, requestsCtx, sampleRequest } from '../helpers/requests-fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// Defect 1: nothing an office ADMIN (or the national admin) can read lets them act as a requester.
let t: TestApp;
let officeId: string;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
  officeId = (await office(t.db.db, 'kpu-kota-bandung')).id;
});
afterAll(async () => {
  await t.close();
});

describe('mail outbox', () => {
  it('never shows or stores the tracking code or the download token readable', async () => {
    const submitted = await submitRequest(requestsCtx(t), publicActor(), {
      officeId,
      channel: 'WEB',
      data: sampleRequest({ email: 'rahasia.pemohon@contoh.test' }),
      uploads: [{ field: 'identityFile', filename: 'ktp.png', bytes: pngImage() }],
    });
    // No SMTP server: the email is held in the outbox, as admins then read it.
    await new JobWorker({ db: t.db.db, clock: t.clock, definitions: jobDefinitions(t.config) }).drain();
    const [row] = await t.db.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.officeId, officeId), eq(mailOutbox.toAddress, 'rahasia.pemohon@contoh.test')));
    expect(row!.status).toBe('held');
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(submitted.trackingCode);
    expect(stored).not.toContain(submitted.documentsToken);
    expect(row!.secretsEncrypted).toBeTruthy();
    expect(row!.textBody).toContain('⟦secret:0⟧');

    for (const spec of [
      { office: 'kpu-kota-bandung', role: 'ADMIN' as const },
      { office: 'kpu-kota-bandung', role: 'PPID' as const },
      { office: 'kpu-ri', role: 'NATIONAL_ADMIN' as const },
    ]) {
      const { email } = await createStaff(t.db.db, t.clock, { roles: [spec] });
      const admin = new TestClient(t.app);
      await admin.login(email, TEST_PASSWORD);
      const list = await admin.get('/staff/kpu-kota-bandung/kotak-keluar');
      expect(list.statusCode, spec.role).toBe(200);
      const page = await admin.get(`/staff/kpu-kota-bandung/kotak-keluar?email=${row!.id}`);
      expect(page.statusCode, spec.role).toBe(200);
      expect(page.body).toContain('Kode lacak');
      expect(page.body).toContain('[disembunyikan]');
      expect(page.body).not.toContain(submitted.trackingCode);
      expect(page.body).not.toContain(submitted.documentsToken);
    }
    // The desk and a unit do not read the office's mail.
    for (const role of ['PETUGAS_LAYANAN', 'PPID_PEMBANTU'] as const) {
      const { email } = await createStaff(t.db.db, t.clock, {
        roles: [{ office: 'kpu-kota-bandung', role }],
      });
      const other = new TestClient(t.app);
      await other.login(email, TEST_PASSWORD);
      expect((await other.get('/staff/kpu-kota-bandung/kotak-keluar')).statusCode, role).toBe(403);
    }
    // The request can still only be withdrawn with the real code.
    await expect(
      withdrawRequest(requestsCtx(t), publicActor(), {
        officeId,
        requestId: submitted.requestId,
        trackingCode: '[disembunyikan]',
        data: { reason: 'coba' },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await findRequest(t.db.db, officeId, submitted.requestId))!.status).not.toBe('WITHDRAWN');
  });
});
