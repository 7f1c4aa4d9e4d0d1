import type { AddressInfo } from 'node:net';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerRequest } from '../../src/modules/requests/register-request.ts';
import { decideRequest } from '../../src/modules/requests/decide-request.ts';
import { findRequestByNumber } from '../../src/modules/requests/queries.ts';
import type { Actor } from '../../src/modules/access/actor.ts';
import type { paths } from '../api-client/terbuka-api.d.ts';
import { citableEntryId } from '../helpers/exemptions-fixtures.ts';
import { createStaff, office } from '../helpers/factories.ts';
import { CASE, REFUSAL } from '../helpers/objections-fixtures.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { actorOf, requestsCtx, sampleRequest } from '../helpers/requests-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// The contract, as an integrating developer meets it: a client typed from the OpenAPI document
// (openapi-typescript → tests/api-client/terbuka-api.d.ts, checked fresh by `scripts/openapi.ts
// --check` in npm test) drives submit → replay → track → object against the app listening on a
// port. A route whose shape changes breaks the typecheck or these expectations (ADR 0069).

const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let baseUrl: string;
let officeId: string;
let desk: Actor;
let ppid: Actor;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-07-01T02:00:00Z' });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  officeId = (await office(t.db.db, OFFICE)).id;
  desk = await actorOf(
    t,
    (
      await createStaff(t.db.db, t.clock, {
        name: 'Meja Layanan',
        roles: [{ office: OFFICE, role: 'PETUGAS_LAYANAN' }],
      })
    ).user,
  );
  ppid = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { name: 'Pejabat PPID', roles: [{ office: OFFICE, role: 'PPID' }] }))
      .user,
  );
});
afterAll(async () => {
  await t.close();
});

describe('the typed API client', () => {
  it('submits, replays, tracks and objects, and opens the receipt link as returned', async () => {
    const api = createClient<paths>({ baseUrl, headers: { 'accept-language': 'en' } });
    const body = sampleRequest({ name: 'Klien Bertipe' });
    const headers = { 'idempotency-key': 'typed-client-0001' };

    const first = await api.POST('/api/v1/offices/{slug}/requests', {
      params: { path: { slug: OFFICE } },
      body: body as never,
      headers,
    });
    expect(first.response.status).toBe(201);
    const submitted = first.data!;
    expect(submitted.trackingCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    const replay = await api.POST('/api/v1/offices/{slug}/requests', {
      params: { path: { slug: OFFICE } },
      body: body as never,
      headers,
    });
    expect(replay.response.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.data!.number).toBe(submitted.number);

    const bad = await api.POST('/api/v1/offices/{slug}/requests', {
      params: { path: { slug: OFFICE } },
      body: { ...body, email: 'not-an-email' } as never,
    });
    expect(bad.response.status).toBe(400);
    expect(bad.error!.error.code).toBe('VALIDATION');
    expect(bad.error!.error.fields!.map((f) => f.field)).toContain('email');

    const tracked = await api.GET('/api/v1/requests/{number}/status', {
      params: { path: { number: submitted.number }, query: { code: submitted.trackingCode } },
    });
    expect(tracked.response.status).toBe(200);
    expect(tracked.data!.status).toBe('RECEIVED');
    const wrong = await api.GET('/api/v1/requests/{number}/status', {
      params: { path: { number: submitted.number }, query: { code: 'AAAA-BBBB-CCCC-DDDD' } },
    });
    expect(wrong.response.status).toBe(404);
    expect(wrong.error!.error.code).toBe('NOT_FOUND');

    // The office registers and refuses it (staff steps, as the worklist does them).
    const request = (await findRequestByNumber(t.db.db, officeId, submitted.number))!;
    await registerRequest(requestsCtx(t), desk, { officeId, requestId: request.id });
    await decideRequest(requestsCtx(t), ppid, {
      officeId,
      requestId: request.id,
      data: { ...REFUSAL, exemptionEntryId: await citableEntryId(requestsCtx(t), officeId) },
      uploads: [],
    });

    const objected = await api.POST('/api/v1/requests/{number}/objections', {
      params: { path: { number: submitted.number } },
      body: { code: submitted.trackingCode, grounds: ['a'], caseDescription: CASE },
    });
    expect(objected.response.status).toBe(201);
    const filed = objected.data!;
    expect(filed).toMatchObject({ status: 'REGISTERED', requestNumber: submitted.number, late: false });

    // receiptUrl works exactly as returned: no tracking code to add.
    const receipt = await fetch(`${baseUrl}${new URL(filed.receiptUrl).pathname}`);
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toBe('application/pdf');
    expect(await pdfText(Buffer.from(await receipt.arrayBuffer()))).toContain(filed.number);
    const forged = await fetch(
      `${baseUrl}${new URL(filed.receiptUrl).pathname.replace(/links\/[^/]+/, `links/${'x'.repeat(32)}`)}`,
    );
    expect(forged.status).toBe(404);

    const status = await api.GET('/api/v1/requests/{number}/objections', {
      params: { path: { number: submitted.number }, query: { code: submitted.trackingCode } },
    });
    expect(status.data!.objections.map((o) => o.number)).toEqual([filed.number]);
  });
});
