import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const keys = { SECRET_KEY: 'x'.repeat(40), DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('configuration', () => {
  it('has working defaults: embedded database in ./data, port 3000', () => {
    const c = loadConfig(keys);
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ kind: 'pglite', dataDir: './data/pglite' });
    expect(c.seedDemo).toBe(true);
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it.each<[string, Record<string, string>, Partial<ReturnType<typeof loadConfig>> | string]>([
    ['no phone provider by default', {}, { whatsapp: undefined, sms: undefined }],
    [
      'WhatsApp Cloud API with a template',
      {
        WHATSAPP_PHONE_NUMBER_ID: '1098765',
        WHATSAPP_TOKEN: 'EAAG-token',
        WHATSAPP_TEMPLATE: 'terbuka_info',
      },
      {
        whatsapp: {
          apiUrl: 'https://graph.facebook.com/v21.0',
          phoneNumberId: '1098765',
          token: 'EAAG-token',
          template: { name: 'terbuka_info', language: 'id' },
        },
      },
    ],
    [
      'an SMS gateway, form-encoded with an API key header',
      {
        SMS_GATEWAY_URL: 'https://sms.example/api/send',
        SMS_GATEWAY_TOKEN: 'k',
        SMS_GATEWAY_AUTH_HEADER: 'X-Api-Key',
        SMS_GATEWAY_FORMAT: 'form',
      },
      {
        sms: {
          url: 'https://sms.example/api/send',
          token: 'k',
          authHeader: 'X-Api-Key',
          format: 'form',
        },
      },
    ],
    [
      'a WhatsApp token without its number ID',
      { WHATSAPP_TOKEN: 'EAAG-token' },
      'WHATSAPP_PHONE_NUMBER_ID is required',
    ],
    ['an SMS gateway that is no URL', { SMS_GATEWAY_URL: 'sms.example' }, 'SMS_GATEWAY_URL'],
  ])('phone providers: %s', (_name, env, expected) => {
    if (typeof expected === 'string') expect(problemsOf({ ...keys, ...env }).join('\n')).toContain(expected);
    else expect(loadConfig({ ...keys, ...env })).toMatchObject(expected);
  });

  it('uses a PostgreSQL server when DATABASE_URL is set', () => {
    const c = loadConfig({ ...keys, DATABASE_URL: 'postgres://u:p@db/terbuka' });
    expect(c.database).toMatchObject({ kind: 'postgres', url: 'postgres://u:p@db/terbuka' });
    expect(c.seedDemo).toBe(false);
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({
      ...keys,
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
      RUN_WORKER: 'maybe',
    });
    expect(problems.map((p) => p.split(' ')[0])).toEqual(
      expect.arrayContaining(['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'RUN_WORKER']),
    );
    expect(problems).toHaveLength(4);
  });

  it('requires both keys in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('SECRET_KEY'),
        expect.stringContaining('DATA_ENCRYPTION_KEY'),
      ]),
    );
  });

  it('rejects a short secret and a key of the wrong length', () => {
    const problems = problemsOf({ SECRET_KEY: 'short', DATA_ENCRYPTION_KEY: 'abcd' });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['DATA_ENCRYPTION_KEY', 'SECRET_KEY']);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ ...keys, PORT: '', DATABASE_URL: '' }).port).toBe(3000);
  });
});

describe('TRUST_PROXY', () => {
  it('trusts nobody by default', () => {
    expect(loadConfig(keys).trustProxy).toBe(false);
    expect(loadConfig({ ...keys, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });
  it('takes a hop count or a list of addresses and CIDR ranges', () => {
    expect(loadConfig({ ...keys, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ...keys, TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
    ]);
  });
  it.each(['true', 'yes', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1', ','])('refuses %s', (value) => {
    expect(problemsOf({ ...keys, TRUST_PROXY: value })[0]).toMatch(/^TRUST_PROXY /);
  });
});
