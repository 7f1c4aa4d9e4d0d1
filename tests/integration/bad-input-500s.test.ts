import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, TEST_PASSWORD } from '../helpers/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// Defect 10: bad input that used to answer 500 (or Fastify's English text) is a translated 4xx.
const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  const { email } = await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'ADMIN' }] });
  admin = new TestClient(t.app);
  await admin.login(email, TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
});

describe('bad input is a translated 4xx', () => {
  it('malformed multipart on the public form and the API', async () => {
    const client = new TestClient(t.app);
    const token = await client.csrfToken(`/${OFFICE}/permohonan`);
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const bodies = [
      `--XYZ\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--XYZ\r\nContent-Disposition: form-data; name="name"\r\n\r\nDewi`, // cut off
      '--XYZ\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--XYZ--\r\n',
      'this is not multipart at all',
    ];
    for (const payload of bodies) {
      const web = await t.app.inject({
        method: 'POST',
        url: `/${OFFICE}/permohonan`,
        headers: { cookie, 'content-type': 'multipart/form-data; boundary=XYZ' },
        payload,
      });
      expect(web.statusCode, payload.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(web.statusCode, payload.slice(0, 40)).toBeLessThan(500);
      expect(web.body).not.toMatch(/Internal Server Error|Unexpected end of form/);
      const api = await t.app.inject({
        method: 'POST',
        url: `/api/v1/offices/${OFFICE}/requests`,
        headers: { 'content-type': 'multipart/form-data; boundary=XYZ', 'accept-language': 'id' },
        payload,
        remoteAddress: '10.7.0.1',
      });
      expect(api.statusCode, payload.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(api.statusCode).toBeLessThan(500);
    }
    const noBoundary = await t.app.inject({
      method: 'POST',
      url: `/api/v1/offices/${OFFICE}/requests`,
      headers: { 'content-type': 'multipart/form-data' },
      payload: 'x',
      remoteAddress: '10.7.0.2',
    });
    expect(noBoundary.statusCode).toBe(400);
  });

  it('year 9999 (and year 0001) in the due-date API', async () => {
    for (const at of ['9999-12-31T09:00:00+07:00', '0001-01-01T09:00:00+07:00']) {
      const res = await t.app.inject({
        url: `/api/v1/calendar/due-date?office=${OFFICE}&receivedAt=${encodeURIComponent(at)}&workingDays=10`,
        headers: { 'accept-language': 'id' },
      });
      expect(res.statusCode, at).toBe(400);
      expect(res.json().error.fields[0].field).toBe('receivedAt');
      expect(res.json().error.message).toContain('Tahun');
    }
    const ok = await t.app.inject({
      url: `/api/v1/calendar/due-date?office=${OFFICE}&receivedAt=${encodeURIComponent('2026-03-16T09:00:00+07:00')}&workingDays=10`,
    });
    expect(ok.statusCode).toBe(200);
  });

  it('a non-UUID id on the staff role form', async () => {
    const res = await admin.post(
      `/staff/${OFFICE}/pengguna/not-a-uuid/peran`,
      { role: 'PPID' },
      { csrfFrom: `/staff/${OFFICE}/pengguna` },
    );
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('tidak ditemukan');
  });

  it('an over-long URL is a translated 414', async () => {
    for (const url of [
      `/${'a'.repeat(5000)}`,
      `/${OFFICE}/permohonan/unduh/${'b'.repeat(3000)}`,
      `/api/v1/requests/${'c'.repeat(3000)}/status?code=x`,
    ]) {
      const res = await t.app.inject({ url, headers: { 'accept-language': 'id' } });
      expect(res.statusCode, url.slice(0, 40)).toBeLessThan(500);
      expect(res.body, url.slice(0, 40)).not.toContain('URI Too Long');
      if (res.statusCode === 414) expect(res.body).toContain('terlalu panjang');
    }
  });
});
