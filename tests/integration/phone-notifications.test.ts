import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, publicActor } from '../../src/modules/access/actor.ts';
import { extendRequest } from '../../src/modules/requests/extend-request.ts';
import { registerRequest } from '../../src/modules/requests/register-request.ts';
import { submitRequest } from '../../src/modules/requests/submit-request.ts';
import type { Config } from '../../src/platform/config.ts';
import { JobWorker } from '../../src/platform/jobs/queue.ts';
import { releaseHeldMail } from '../../src/platform/mail/mailer.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { jobDefinitions } from '../../src/jobs.ts';
import { createStaff, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { BANDUNG_NIK, requestsCtx, sampleRequest } from '../helpers/requests-fixtures.ts';
import { startPhonePeer, type PhonePeer } from '../helpers/phone-peer.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// Issue 15: a requester who gave only a phone number hears of the request by WhatsApp (or SMS),
// through the same outbox, job and retry as email. The providers are a real HTTP peer.

const OFFICE = 'kpu-kota-bandung';
const PHONE_ID = '109876543210';
const TOKEN = 'wa-test-token-123456';
const SMS_TOKEN = 'sms-test-token-abcdef';
const TRACK = 'https://ppid.kpu.test/kpu-kota-bandung/permohonan/cek';
let t: TestApp;
let peer: PhonePeer;
let officeId: string;
const operator = cliActor('test');
const WA_PATH = `/v21.0/${PHONE_ID}/messages`;

beforeAll(async () => {
  peer = await startPhonePeer();
  t = await createTestApp({
    now: '2026-11-18T02:00:00Z',
    env: {
      PUBLIC_URL: 'https://ppid.kpu.test',
      WHATSAPP_API_URL: `${peer.url}/v21.0`,
      WHATSAPP_PHONE_NUMBER_ID: PHONE_ID,
      WHATSAPP_TOKEN: TOKEN,
      SMS_GATEWAY_URL: `${peer.url}/sms`,
      SMS_GATEWAY_TOKEN: SMS_TOKEN,
      SMS_GATEWAY_AUTH_HEADER: 'X-Api-Key',
      SMS_GATEWAY_FORMAT: 'form',
      SMS_GATEWAY_SENDER: 'PPIDKPU',
    },
  });
  officeId = (await office(t.db.db, OFFICE)).id;
});
afterAll(async () => {
  await t.close();
  await peer.stop();
});

/** The app's own send job, with the providers the test chooses (the rest of the config as set). */
const worker = (providers: Pick<Config, 'whatsapp' | 'sms'>) =>
  new JobWorker({ db: t.db.db, clock: t.clock, definitions: jobDefinitions({ ...t.config, ...providers }) });
const whatsappOnly = () => worker({ whatsapp: t.config.whatsapp, sms: undefined });
const smsOnly = () => worker({ whatsapp: undefined, sms: t.config.sms });
const none = () => worker({ whatsapp: undefined, sms: undefined });

async function submitPhoneOnly(name: string, phone: string) {
  return submitRequest(requestsCtx(t), publicActor(), {
    officeId,
    channel: 'API',
    data: sampleRequest({ name, phone, email: undefined, deliveryMethod: 'AMBIL_LANGSUNG' }),
    uploads: [],
  });
}

async function phoneRows(requestId: string) {
  return t.db.db
    .select()
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.officeId, officeId),
        eq(mailOutbox.entityId, requestId),
        inArray(mailOutbox.channel, ['whatsapp', 'sms']),
      ),
    );
}

const sentTo = (to: string, path = WA_PATH) => peer.delivered(path).filter((r) => r.body.to === to);

describe('phone notices', () => {
  it('reach a phone-only requester once by WhatsApp, in Indonesian, with the link and the name but no secret', async () => {
    const submitted = await submitPhoneOnly('Siti Rahmawati', '0812-1111-2222');
    const w = whatsappOnly();
    await w.drain();
    await w.drain(); // the job running twice sends once
    const calls = sentTo('+6281211112222');
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.method).toBe('POST');
    expect(call.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(call.body).toMatchObject({ messaging_product: 'whatsapp', to: '+6281211112222', type: 'text' });
    const text = (call.body.text as { body: string }).body;
    expect(text).toContain('Yth. Siti Rahmawati,');
    expect(text).toContain(`Permohonan informasi Anda nomor ${submitted.number} telah diterima`);
    expect(text).toContain(TRACK);
    for (const secret of [submitted.trackingCode, submitted.documentsToken, BANDUNG_NIK, '@'])
      expect(call.raw).not.toContain(secret);

    const [row, ...more] = await phoneRows(submitted.requestId);
    expect(more).toHaveLength(0);
    expect(row).toMatchObject({
      channel: 'whatsapp',
      status: 'sent',
      toAddress: '+6281211112222',
      template: 'request-received-phone',
      messageId: expect.stringMatching(/^wamid\.TEST/),
      dedupeKey: `request-received:${submitted.requestId}:phone`,
      secretsEncrypted: null,
    });
    expect(JSON.stringify(row)).not.toContain(submitted.trackingCode);
  });

  it('retries a send the provider refused (HTTP 500) and delivers it once', async () => {
    const submitted = await submitPhoneOnly('Budi Santoso', '+62 813 3333 4444');
    peer.failNext(1);
    const w = whatsappOnly();
    await w.drain();
    expect(sentTo('+6281333334444')).toHaveLength(0);
    let [row] = await phoneRows(submitted.requestId);
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row!.lastError).toContain('WhatsApp Cloud API answered HTTP 500');
    expect(row!.lastError).not.toContain(TOKEN);
    t.clock.advance(120_000); // past the job's back-off
    await w.drain();
    await w.drain();
    expect(sentTo('+6281333334444')).toHaveLength(1);
    [row] = await phoneRows(submitted.requestId);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('holds the notice while no provider is set, and sends it by SMS once a gateway is', async () => {
    const submitted = await submitPhoneOnly('Rina Wijaya', '081255556666');
    await none().drain();
    let [row] = await phoneRows(submitted.requestId);
    expect(row).toMatchObject({ status: 'held', channel: 'whatsapp', attempts: 0 });
    expect(peer.requests.filter((r) => r.body.to === '+6281255556666')).toHaveLength(0);

    const released = await t.db.db.transaction((tx) =>
      releaseHeldMail(tx, officeId, t.clock.now(), [row!.id], ['whatsapp', 'sms']),
    );
    expect(released).toBe(1);
    await smsOnly().drain();
    const [sms, ...again] = sentTo('+6281255556666', '/sms');
    expect(again).toHaveLength(0);
    expect(sms!.headers['x-api-key']).toBe(SMS_TOKEN);
    expect(sms!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(sms!.body.from).toBe('PPIDKPU');
    expect(sms!.body.message).toContain('Yth. Rina Wijaya,');
    expect(sms!.body.message).toContain(TRACK);
    expect(sms!.raw).not.toContain(submitted.trackingCode);
    [row] = await phoneRows(submitted.requestId);
    expect(row).toMatchObject({ status: 'sent', channel: 'sms', messageId: expect.stringMatching(/^sms-/) });
  });

  it('tells of an extension too, and a requester with email and phone gets both', async () => {
    const submitted = await submitRequest(requestsCtx(t), publicActor(), {
      officeId,
      channel: 'API',
      data: sampleRequest({ name: 'Dewi Lestari', phone: '0812 7777 8888' }),
      uploads: [],
    });
    await registerRequest(requestsCtx(t), operator, { officeId, requestId: submitted.requestId });
    await extendRequest(requestsCtx(t), operator, {
      officeId,
      requestId: submitted.requestId,
      data: { reason: 'Dokumen harus diambil dari arsip di gudang logistik.' },
    });
    await whatsappOnly().drain();
    const texts = sentTo('+6281277778888').map((r) => (r.body.text as { body: string }).body);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toMatch(new RegExp(`permohonan ${submitted.number} diperpanjang sampai \\d+ \\w+ 2026`));
    const rows = await t.db.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.officeId, officeId), eq(mailOutbox.entityId, submitted.requestId)));
    const requesterRows = rows
      .filter((r) => r.toAddress === 'dewi.lestari@contoh.test' || r.toAddress === '+6281277778888')
      .map((r) => `${r.channel}:${r.template}`)
      .sort();
    expect(requesterRows).toEqual([
      'email:request-extended',
      'email:request-received',
      'whatsapp:request-extended-phone',
      'whatsapp:request-received-phone',
    ]);
  });

  it('shows the channel in the outbox and sends held phone notices from it while email has no SMTP server', async () => {
    const submitted = await submitPhoneOnly('Agus Pratama', '0812 9999 0000');
    await none().drain();
    const [held] = await phoneRows(submitted.requestId);
    expect(held!.status).toBe('held');
    const { email } = await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'ADMIN' }] });
    const admin = new TestClient(t.app);
    await admin.login(email, TEST_PASSWORD);
    const page = await admin.get(`/staff/${OFFICE}/kotak-keluar`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<th[^>]*>Saluran<\/th>/);
    expect(page.body).toMatch(/<td[^>]*>WhatsApp<\/td>/);
    expect(page.body).toMatch(/<td[^>]*>SMS<\/td>/);
    expect(page.body).toContain('+6281299990000');
    expect(page.body).not.toContain(submitted.trackingCode);
    // Staff emails of this office are held too (no SMTP): only the phone notices are released.
    expect(page.body).toContain('server SMTP belum diatur (SMTP_URL)');
    expect(page.body).not.toContain('pesan WhatsApp/SMS ditahan');

    const post = await admin.post(
      `/staff/${OFFICE}/kotak-keluar/kirim-ditahan`,
      {},
      { csrfFrom: `/staff/${OFFICE}/kotak-keluar` },
    );
    expect(post.statusCode).toBe(302);
    const stillHeld = await t.db.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.officeId, officeId), eq(mailOutbox.status, 'held')));
    expect(stillHeld.length).toBeGreaterThan(0);
    expect(stillHeld.every((r) => r.channel === 'email')).toBe(true);
    await whatsappOnly().drain();
    expect(sentTo('+6281299990000')).toHaveLength(1);
  });
});
