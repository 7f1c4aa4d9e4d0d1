import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/database.ts';
import type { Role } from '../../src/modules/people/schema.ts';
import { findDecision } from '../../src/modules/requests/queries.ts';
import { createRoleToken, createUnit, office } from '../helpers/factories.ts';
import { multipartBody, formFields } from '../helpers/multipart.ts';
import { pngImage, sampleRequest } from '../helpers/requests-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let officeId: string;

async function token(slug: string, role: Role): Promise<string> {
  return createRoleToken(t.db.db, t.clock, { office: slug, role });
}

let addressCounter = 0;
/** Each call comes from its own address, as separate requesters do (the API is rate-limited per address). */
function from(): string {
  addressCounter++;
  return `10.9.${Math.floor(addressCounter / 250)}.${addressCounter % 250}`;
}

function submit(body: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/offices/${OFFICE}/requests`,
    payload: body as object,
    headers,
    remoteAddress: from(),
  });
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
  officeId = (await office(t.db.db, OFFICE)).id;
});
afterAll(async () => {
  await t.close();
});

describe('POST /api/v1/offices/{slug}/requests', () => {
  it('answers 201 with the number, received time, due date, tracking code and receipt link', async () => {
    const res = await submit(sampleRequest());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      number: expect.stringMatching(/^\d{3}\/PPID\/32\.73\/XI\/2026$/),
      status: 'RECEIVED',
      receivedAt: '2026-11-18T02:00:00.000Z',
      dueDate: '2026-12-02',
      trackingCode: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/),
      receiptUrl: expect.stringContaining(`/${OFFICE}/permohonan/unduh/`),
      trackingUrl: expect.stringContaining(`/${OFFICE}/permohonan/cek`),
    });
    const receipt = await t.app.inject(new URL(body.receiptUrl).pathname);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
  });

  it('returns the first answer for a retry with the same Idempotency-Key, and stores one request', async () => {
    const key = 'retry-7f3a9c';
    const first = await submit(sampleRequest({ name: 'Idem Potent' }), { 'idempotency-key': key });
    const second = await submit(sampleRequest({ name: 'Idem Potent' }), { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    const [row] = await queryRows<{ n: number }>(
      t.db.db,
      sql`select count(*)::int as n from requests where office_id = ${officeId} and requester_name = 'Idem Potent'`,
    );
    expect(row!.n).toBe(1);
    const other = await submit(sampleRequest({ name: 'Someone Else' }), {
      'idempotency-key': key,
      'accept-language': 'en',
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.fields[0].field).toBe('Idempotency-Key');
  });

  it('answers field-level 400s in the language asked for', async () => {
    const id = await submit({ ...sampleRequest(), nik: '12', category: 'LAINNYA' });
    expect(id.statusCode).toBe(400);
    const fields = id.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['nik', 'category']));
    expect(id.json().error.message).toContain('NIK terdiri dari 16 angka');
    const en = await submit({ ...sampleRequest(), nik: '12' }, { 'accept-language': 'en' });
    expect(en.json().error.message).toContain('A NIK has 16 digits');
    const notJson = await t.app.inject({
      method: 'POST',
      url: `/api/v1/offices/${OFFICE}/requests`,
      payload: '[1,2]',
      headers: { 'content-type': 'application/json' },
      remoteAddress: from(),
    });
    expect(notJson.statusCode).toBe(400);
  });

  it('takes multipart with identity scans, checked by content', async () => {
    const good = multipartBody(formFields(sampleRequest()), [
      { field: 'identityFile', filename: 'ktp.png', contentType: 'image/png', bytes: pngImage() },
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/offices/${OFFICE}/requests`,
      payload: good.payload,
      headers: { 'content-type': good.contentType },
      remoteAddress: from(),
    });
    expect(res.statusCode).toBe(201);
    const bad = multipartBody(formFields(sampleRequest()), [
      {
        field: 'identityFile',
        filename: 'ktp.pdf',
        contentType: 'application/pdf',
        bytes: Buffer.from('#!/bin/sh\necho hi\n'),
      },
    ]);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/offices/${OFFICE}/requests`,
      payload: bad.payload,
      headers: { 'content-type': bad.contentType },
      remoteAddress: from(),
    });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.fields[0].field).toBe('identityFile');
  });

  it('answers 404 for an unknown office', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/offices/kpu-kota-atlantis/requests',
      payload: sampleRequest(),
      remoteAddress: from(),
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('GET /api/v1/requests/{number}/status', () => {
  it('shows the status with the right code, 404 with a wrong one, and no personal data', async () => {
    const { number, trackingCode } = (await submit(sampleRequest())).json();
    const url = `/api/v1/requests/${encodeURIComponent(number)}/status?code=${encodeURIComponent(trackingCode)}`;
    const res = await t.app.inject({ url, remoteAddress: from() });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      number,
      status: 'RECEIVED',
      dueDate: '2026-12-02',
      office: { slug: OFFICE },
    });
    expect(body.timeline.map((e: { event: string }) => e.event)).toEqual(['RECEIVED']);
    expect(JSON.stringify(body)).not.toMatch(/Dewi|3273010501900001|Cihampelas|contoh\.test/);
    const wrong = await t.app.inject({
      url: `/api/v1/requests/${encodeURIComponent(number)}/status?code=AAAA-BBBB-CCCC-DDDD`,
      remoteAddress: from(),
    });
    expect(wrong.statusCode).toBe(404);
  });

  it('is rate-limited', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      statuses.push(
        (await t.app.inject({ url: '/api/v1/requests/1%2FX/status?code=AAAA', remoteAddress: '10.200.0.1' }))
          .statusCode,
      );
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('the staff API with bearer tokens', () => {
  it('runs a request through register, disposition, decision, delivery and close', async () => {
    const ppid = await token(OFFICE, 'PPID');
    const desk = await token(OFFICE, 'PETUGAS_LAYANAN');
    const auth = (tok: string) => ({ authorization: `Bearer ${tok}` });
    const unit = await createUnit(t.db.db, OFFICE, 'Subbagian Hukum');
    const intake = await t.app.inject({
      method: 'POST',
      url: `/api/v1/offices/${OFFICE}/requests/intake`,
      headers: auth(desk),
      payload: {
        ...sampleRequest(),
        channel: 'EMAIL',
        receivedAt: '2026-11-17T08:30:00+07:00',
        receivedNote: 'Email masuk kemarin.',
      },
    });
    expect(intake.statusCode).toBe(201);
    const { id, number } = intake.json();
    const base = `/api/v1/offices/${OFFICE}/requests/${id}`;
    const post = (path: string, tok: string, payload: object = {}) =>
      t.app.inject({ method: 'POST', url: `${base}/${path}`, headers: auth(tok), payload });

    expect((await post('register', desk)).json().status).toBe('REGISTERED');
    expect(
      (
        await post('dispositions', desk, {
          unitIds: [unit.id],
          instruction: 'Cek',
          internalDueDate: '2026-11-24',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await post('dispositions', ppid, {
          unitIds: [unit.id],
          instruction: 'Cek arsip',
          internalDueDate: '2026-11-24',
        })
      ).json().status,
    ).toBe('IN_PROCESS');
    // The unit has not answered: deciding asks for confirmation first (issue 15, ADR 0070).
    const unconfirmed = await post('decision', ppid, {
      outcome: 'GRANTED_FULL',
      materialDescription: 'Salinan keputusan',
      forms: ['SOFTCOPY'],
    });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().error.fields.map((f: { field: string }) => f.field)).toContain(
      'confirmPendingDispositions',
    );
    // A token that acts for no one cannot sign, so it cannot issue the written notice (issue 13 item 9).
    const nobody = await createRoleToken(t.db.db, t.clock, { office: OFFICE, role: 'PPID', person: false });
    const unsigned = await post('decision', nobody, {
      outcome: 'GRANTED_FULL',
      materialDescription: 'Salinan keputusan',
      forms: ['SOFTCOPY'],
      confirmPendingDispositions: true,
    });
    expect(unsigned.statusCode).toBe(403);
    expect(unsigned.json().error.message).toContain('tidak bertindak atas nama seseorang');
    const decided = await post('decision', ppid, {
      outcome: 'GRANTED_FULL',
      materialDescription: 'Salinan keputusan',
      forms: ['SOFTCOPY'],
      confirmPendingDispositions: true,
    });
    expect(decided.json().status).toBe('DECIDED');
    // Signed by the person the token acts for, never "token:…".
    const decision = await findDecision(t.db.db, officeId, id);
    expect(decision?.officerName).toBe('Pemegang PPID');
    expect(
      (await post('delivery', desk, { kind: 'AMBIL_LANGSUNG', recipientName: 'Dewi Lestari' })).json().status,
    ).toBe('DELIVERED');
    expect((await post('close', desk)).json().status).toBe('CLOSED');

    const one = await t.app.inject({ url: base, headers: auth(desk) });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      number,
      status: 'CLOSED',
      channel: 'EMAIL',
      decision: { outcome: 'GRANTED_FULL' },
      requester: { nikMasked: '3273********0001' },
    });
    expect(JSON.stringify(one.json())).not.toContain('3273010501900001');
    const list = await t.app.inject({
      url: `/api/v1/offices/${OFFICE}/requests?status=CLOSED`,
      headers: auth(ppid),
    });
    expect(list.json().requests.map((r: { number: string }) => r.number)).toContain(number);
  });

  it('filters overdue requests', async () => {
    const ppid = await token(OFFICE, 'PPID');
    const { number } = (await submit(sampleRequest())).json();
    t.clock.set('2026-12-03T02:00:00Z'); // the day after the due date
    try {
      const list = await t.app.inject({
        url: `/api/v1/offices/${OFFICE}/requests?overdue=true`,
        headers: { authorization: `Bearer ${ppid}` },
      });
      expect(list.statusCode).toBe(200);
      const rows = list.json().requests as { number: string; deadline: string }[];
      expect(rows.find((r) => r.number === number)?.deadline).toBe('overdue');
      expect(rows.every((r) => r.deadline === 'overdue')).toBe(true);
    } finally {
      t.clock.set('2026-11-18T02:00:00Z');
    }
  });

  it("refuses another office's token, a unit token without a disposition, and no token", async () => {
    const { number } = (await submit(sampleRequest())).json();
    const [row] = await queryRows<{ id: string }>(
      t.db.db,
      sql`select id from requests where office_id = ${officeId} and number = ${number}`,
    );
    const other = await token('kpu-kab-bandung', 'PPID');
    const base = `/api/v1/offices/${OFFICE}/requests`;
    expect(
      (await t.app.inject({ url: `${base}/${row!.id}`, headers: { authorization: `Bearer ${other}` } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ url: base, headers: { authorization: `Bearer ${other}` } })).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `${base}/${row!.id}/register`,
          headers: { authorization: `Bearer ${other}` },
        })
      ).statusCode,
    ).toBe(403);
    // Its own office's URL does not find the other office's request.
    expect(
      (
        await t.app.inject({
          url: `/api/v1/offices/kpu-kab-bandung/requests/${row!.id}`,
          headers: { authorization: `Bearer ${other}` },
        })
      ).statusCode,
    ).toBe(404);
    const unitToken = await token(OFFICE, 'PPID_PEMBANTU');
    expect(
      (await t.app.inject({ url: `${base}/${row!.id}`, headers: { authorization: `Bearer ${unitToken}` } }))
        .statusCode,
    ).toBe(403);
    expect((await t.app.inject({ url: base })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ url: base, headers: { authorization: 'Bearer tbk_forged' } })).statusCode,
    ).toBe(401);
  });

  it('describes every endpoint in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    for (const p of [
      '/api/v1/offices/{slug}/requests',
      '/api/v1/requests/{number}/status',
      '/api/v1/offices/{slug}/requests/intake',
      '/api/v1/offices/{slug}/requests/{id}',
      '/api/v1/offices/{slug}/requests/{id}/decision',
      '/api/v1/offices/{slug}/requests/{id}/extension',
      '/api/v1/offices/{slug}/requests/{id}/delivery',
      '/api/v1/offices/{slug}/requests/{id}/close',
    ]) {
      expect(Object.keys(doc.paths), p).toContain(p);
    }
    expect(doc.paths['/api/v1/offices/{slug}/requests'].post.requestBody.content).toHaveProperty(
      'multipart/form-data',
    );
  });
});
