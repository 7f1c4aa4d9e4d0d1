import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicActor } from '../../src/modules/access/actor.ts';
import { findRequestByNumber, listEvents } from '../../src/modules/requests/queries.ts';
import { submitRequest } from '../../src/modules/requests/submit-request.ts';
import { office } from '../helpers/factories.ts';
import { pngImage, requestsCtx, sampleRequest } from '../helpers/requests-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Issue 12, defect 11 (ADR 0042): the web form refuses an individual without a KTP scan; the
// JSON API, for desk and partner systems that check identity themselves, accepts it, says so
// in the OpenAPI document and records on the request which documents were not sent.
let t: TestApp;
let officeId: string;
beforeAll(async () => {
  t = await createTestApp();
  officeId = (await office(t.db.db, 'kpu-kota-bandung')).id;
});
afterAll(async () => {
  await t.close();
});

async function receivedEvent(number: string) {
  const request = (await findRequestByNumber(t.db.db, officeId, number))!;
  return (await listEvents(t.db.db, officeId, request.id, false)).find((e) => e.kind === 'RECEIVED')!;
}

describe('identity documents, web form and API', () => {
  it('the web channel refuses an individual without the KTP scan, naming the field', async () => {
    await expect(
      submitRequest(requestsCtx(t), publicActor(), {
        officeId,
        channel: 'WEB',
        data: sampleRequest(),
        uploads: [],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ field: 'identityFile', key: 'validation.documentRequired' }],
    });
  });

  it('the API accepts it and records the missing document on the request', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/offices/kpu-kota-bandung/requests',
      payload: sampleRequest(),
    });
    expect(res.statusCode).toBe(201);
    const event = await receivedEvent(res.json<{ number: string }>().number);
    expect(event.data).toMatchObject({ channel: 'API', missingDocuments: 'identityFile' });
  });

  it('records nothing missing when the API request brings its scan', async () => {
    const s = await submitRequest(requestsCtx(t), publicActor(), {
      officeId,
      channel: 'API',
      data: sampleRequest(),
      uploads: [{ field: 'identityFile', filename: 'ktp.png', bytes: pngImage() }],
    });
    expect((await receivedEvent(s.number)).data).not.toHaveProperty('missingDocuments');
  });

  it('says so in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, { post?: { description?: string } }>;
    }>();
    const description = doc.paths['/api/v1/offices/{slug}/requests']?.post?.description ?? '';
    expect(description).toContain('does not refuse an individual (PERORANGAN) without identityFile');
    expect(description).toContain('missingDocuments');
  });
});
