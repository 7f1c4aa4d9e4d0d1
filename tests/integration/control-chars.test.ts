import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../src/modules/requests/schema.ts';
import { formFields, postMultipart } from '../helpers/multipart.ts';
import { pngImage, sampleRequest } from '../helpers/requests-fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// Defect 6: a NUL byte (or another control character) in free text is a 400 naming the field.
const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});
const KTP = { field: 'identityFile', filename: 'ktp.png', contentType: 'image/png', bytes: pngImage(24) };
const rows = async () => (await t.db.db.select({ n: count() }).from(requests))[0]!.n;

describe('control characters', () => {
  it.each([
    ['name', 'Dewi\u0000Lestari'],
    ['address', 'Jl. Cihampelas\u0007 10'],
    ['purpose', 'Skripsi\u001b[31m'],
    ['informationRequested', 'Salinan\u007f keputusan KPU tentang DPT per kecamatan tahun 2024.'],
  ])('JSON API: %s is refused with a 400 naming it', async (fieldName, value) => {
    const before = await rows();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/offices/${OFFICE}/requests`,
      payload: sampleRequest({ [fieldName]: value }),
      remoteAddress: '10.6.0.1',
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: { fields: { field: string; message: string }[] } };
    expect(body.error.fields[0]!.field).toBe(fieldName);
    expect(body.error.fields[0]!.message).toContain('control characters');
    expect(await rows()).toBe(before);
  });

  it('JSON API: tab and newline in multi-line text are still accepted', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/offices/${OFFICE}/requests`,
      payload: sampleRequest({ purpose: 'Penelitian:\n\t- skripsi\r\n\t- artikel' }),
      remoteAddress: '10.6.0.2',
    });
    expect(res.statusCode).toBe(201);
  });

  it('public form: a NUL byte is a 400 with the message beside the labelled field, nothing written', async () => {
    const before = await rows();
    const res = await postMultipart(
      t.app,
      new TestClient(t.app),
      `/${OFFICE}/permohonan`,
      formFields(sampleRequest({ name: 'Dewi\u0000Lestari', address: 'Jl.\u0001 Cihampelas' })),
      [KTP],
      `/${OFFICE}/permohonan`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('karakter kendali');
    expect(res.body).toMatch(/Nama[\s\S]{0,600}karakter kendali/);
    expect(await rows()).toBe(before);
  });

  it('query strings: a NUL byte in a search is a 400, not a 500', async () => {
    for (const url of [`/${OFFICE}/dip?q=a%00b`, '/?q=%00', `/api/v1/offices/${OFFICE}/dip?q=%00`]) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(400);
    }
  });
});
