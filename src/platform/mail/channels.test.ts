import { describe, expect, it } from 'vitest';
import { phoneNoticeText, smsRequest, whatsappBody, type SmsSettings } from './channels.ts';
import { phoneMail, readyChannels, routeChannel, type MailTransport } from './mailer.ts';

const message = {
  to: '+6281223456789',
  text: 'Yth. Dewi,\nPermohonan 001 diterima.\nLacak: https://ppid.test/kpu/permohonan/cek\nPPID KPU',
  params: ['Dewi', 'Permohonan 001 diterima.\nBaris dua', 'https://ppid.test/kpu/permohonan/cek'],
};

describe('whatsappBody', () => {
  it.each([
    [
      'text without a template',
      undefined,
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '+6281223456789',
        type: 'text',
        text: { preview_url: false, body: message.text },
      },
    ],
    [
      'an approved template with the three parts on one line each',
      { name: 'terbuka_pemberitahuan', language: 'id' },
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '+6281223456789',
        type: 'template',
        template: {
          name: 'terbuka_pemberitahuan',
          language: { code: 'id' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Dewi' },
                { type: 'text', text: 'Permohonan 001 diterima. Baris dua' },
                { type: 'text', text: 'https://ppid.test/kpu/permohonan/cek' },
              ],
            },
          ],
        },
      },
    ],
  ])('%s', (_name, template, expected) => {
    expect(whatsappBody(template ? { template } : {}, message)).toEqual(expected);
  });

  it('falls back to text when a template is set but the row has no parameters', () => {
    expect(
      whatsappBody({ template: { name: 't', language: 'id' } }, { to: '+62811', text: 'x' }),
    ).toMatchObject({
      type: 'text',
    });
  });
});

describe('smsRequest', () => {
  const base: SmsSettings = { url: 'https://sms.test/send', authHeader: 'Authorization', format: 'json' };
  it.each<[string, SmsSettings, Record<string, string>, string]>([
    [
      'JSON with a bearer token',
      { ...base, token: 'tok' },
      { 'content-type': 'application/json', authorization: 'Bearer tok' },
      JSON.stringify({ to: '+6281223456789', message: 'Halo' }),
    ],
    [
      'a form with an API key header and a sender',
      { ...base, token: 'key', authHeader: 'X-Api-Key', format: 'form', sender: 'PPID' },
      { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': 'key' },
      'to=%2B6281223456789&message=Halo&from=PPID',
    ],
    [
      'no token: no auth header',
      base,
      { 'content-type': 'application/json' },
      '{"to":"+6281223456789","message":"Halo"}',
    ],
  ])('%s', (_name, settings, headers, body) => {
    expect(smsRequest(settings, { to: '+6281223456789', text: 'Halo' })).toEqual({ headers, body });
  });
});

describe('phone notices in the outbox', () => {
  it('renders name, summary, link and signature, one per line', () => {
    expect(
      phoneNoticeText({
        name: 'Dewi',
        summary: 'Diterima.',
        url: 'https://x.test/cek',
        signature: 'PPID KPU',
      }),
    ).toBe('Yth. Dewi,\nDiterima.\nLacak: https://x.test/cek\nPPID KPU');
  });

  it('is a whatsapp row with its parts as template parameters and the event key per channel', () => {
    const mail = phoneMail(
      '+6281223456789',
      { name: 'Dewi', summary: 'Diterima.', url: 'https://x.test/cek', signature: 'PPID KPU' },
      { template: 'request-received-phone', entityType: 'request', entityId: 'r1', dedupeKey: 'received:r1' },
    );
    expect(mail).toMatchObject({
      channel: 'whatsapp',
      to: '+6281223456789',
      subject: 'Diterima.',
      html: '',
      params: ['Dewi', 'Diterima.', 'https://x.test/cek'],
      dedupeKey: 'received:r1:phone',
    });
    expect(mail.secrets).toBeUndefined();
  });

  const t: MailTransport = { send: () => Promise.resolve({ messageId: 'x' }) };
  it.each([
    ['email with SMTP', { transport: t }, 'email', 'email'],
    ['email without SMTP is held', { transport: null, whatsapp: t, sms: t }, 'email', null],
    ['whatsapp first', { transport: null, whatsapp: t, sms: t }, 'whatsapp', 'whatsapp'],
    ['whatsapp by SMS when only a gateway is set', { transport: null, sms: t }, 'whatsapp', 'sms'],
    ['a phone notice with no provider is held', { transport: t }, 'whatsapp', null],
    ['an sms row never goes by WhatsApp', { transport: null, whatsapp: t }, 'sms', null],
  ] as const)('routes %s', (_name, settings, channel, expected) => {
    expect(routeChannel(settings, channel)?.channel ?? null).toBe(expected);
  });

  it.each([
    [{ smtpUrl: 'smtp://x' }, ['email']],
    [{ whatsapp: {} }, ['whatsapp', 'sms']],
    [{ smtpUrl: 'smtp://x', sms: {} }, ['email', 'whatsapp', 'sms']],
    [{}, []],
  ])('ready channels of %j', (config, expected) => {
    expect(readyChannels(config)).toEqual(expected);
  });
});
