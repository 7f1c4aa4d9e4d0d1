import { isIP } from 'node:net';
import { z } from 'zod';
import type { SmsSettings, WhatsAppSettings } from './mail/channels.ts';

// The only reader of process.env. Parsed once at boot; a bad or missing variable stops the
// process with a message naming every one of them.

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

// Who may set X-Forwarded-For: nobody (default), the nearest N hops, or the listed proxy
// addresses and CIDR ranges. `true` (trust any client's own header) is refused.
function isAddressOrCidr(v: string): boolean {
  const [addr, bits, extra] = v.split('/');
  if (extra !== undefined || !addr) return false;
  const family = isIP(addr);
  if (family === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

const trustProxy = z.string().transform((raw, ctx): false | number | string[] => {
  const v = raw.trim();
  if (v === 'false' || v === '0' || v === 'no' || v === 'none') return false;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  if (v === 'true' || v === '1' || v === 'yes') {
    ctx.addIssue({
      code: 'custom',
      message:
        "true would trust any client's own X-Forwarded-For; give the proxy addresses (e.g. 127.0.0.1,10.0.0.0/8) or a hop count",
    });
    return z.NEVER;
  }
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.filter((s) => !isAddressOrCidr(s));
  if (list.length === 0 || bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `must be a hop count or a comma-separated list of IP addresses/CIDR ranges (bad: ${bad.join(', ')})`,
    });
    return z.NEVER;
  }
  return list;
});

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes encoded in base64');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('localhost'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    DATA_DIR: z.string().min(1).default('./data'),
    PUBLIC_URL: z.url().optional(),
    SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    DATA_ENCRYPTION_KEY: base64Key.optional(),
    DATA_ENCRYPTION_OLD_KEYS: z.string().optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Terbuka PPID <no-reply@localhost>'),
    /** Issue 15: WhatsApp Business Cloud API (Meta Graph API) for requesters who gave a phone. */
    WHATSAPP_API_URL: z
      .url()
      .regex(/^https?:\/\//, 'must start with https:// or http://')
      .default('https://graph.facebook.com/v21.0'),
    WHATSAPP_PHONE_NUMBER_ID: z
      .string()
      .regex(/^[0-9]+$/, 'must be the numeric phone number ID')
      .optional(),
    WHATSAPP_TOKEN: z.string().min(8).optional(),
    WHATSAPP_TEMPLATE: z
      .string()
      .regex(/^[a-z0-9_]+$/, 'must be a template name (lower case, digits, _)')
      .optional(),
    WHATSAPP_TEMPLATE_LANGUAGE: z.string().min(2).default('id'),
    /** Issue 15: a generic SMS gateway, POST {to, message[, from]} as JSON or a form. */
    SMS_GATEWAY_URL: z
      .url()
      .regex(/^https?:\/\//, 'must start with https:// or http://')
      .optional(),
    SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
    SMS_GATEWAY_AUTH_HEADER: z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, 'must be a header name')
      .default('Authorization'),
    SMS_GATEWAY_FORMAT: z.enum(['json', 'form']).default('json'),
    SMS_GATEWAY_SENDER: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    RUN_WORKER: bool.default(true),
    /** Issue 13 item 14: at start, with SMTP_URL set, send the emails held while it was not. */
    MAIL_SEND_HELD_ON_START: bool.default(false),
    TRUST_PROXY: trustProxy.default(false),
    SEED_DEMO: bool.optional(),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
    SESSION_MAX_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    PASSWORD_HASH_COST: z.coerce.number().int().min(14).max(20).default(17),
    UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(500).default(20),
    UPLOAD_REQUEST_MAX_MB: z.coerce.number().int().min(1).max(2000).default(50),
    MIGRATE_ON_START: bool.default(true),
    UPLOAD_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(4),
    LOGIN_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
    AUDIT_ANCHOR_EMAIL: z.email().optional(),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.WHATSAPP_PHONE_NUMBER_ID) !== Boolean(env.WHATSAPP_TOKEN)) {
      const missing = env.WHATSAPP_TOKEN ? 'WHATSAPP_PHONE_NUMBER_ID' : 'WHATSAPP_TOKEN';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'is required with the other WHATSAPP_ variable',
      });
    }
    if (env.NODE_ENV === 'production') {
      for (const key of ['SECRET_KEY', 'DATA_ENCRYPTION_KEY'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
      }
    }
  });

export type Env = z.input<typeof envSchema>;

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string; poolMax: number } | { kind: 'pglite'; dataDir: string };
  dataDir: string;
  publicUrl: string;
  secretKey: string;
  dataKeys: { current: Buffer; old: Buffer[] };
  smtpUrl: string | undefined;
  mailFrom: string;
  /** WhatsApp Business Cloud API; unset = phone notices are held (or go by SMS). */
  whatsapp: WhatsAppSettings | undefined;
  /** SMS gateway; unset = phone notices go by WhatsApp or are held. */
  sms: SmsSettings | undefined;
  logLevel: string;
  runWorker: boolean;
  mailSendHeldOnStart: boolean;
  /** Fastify's trustProxy: false = no proxy, a hop count, or the trusted proxy addresses/CIDRs. */
  trustProxy: false | number | string[];
  seedDemo: boolean;
  session: { idleMinutes: number; maxHours: number };
  passwordHashCost: number;
  uploadMaxBytes: number;
  /** Largest multipart body, all files and fields together (refused from Content-Length). */
  uploadRequestMaxBytes: number;
  /** Multipart bodies received at once per process; more wait for none and get a 503. */
  uploadConcurrency: number;
  /** Apply migrations at start (false when the app's role owns nothing: run `terbuka migrate` as the owner). */
  migrateOnStart: boolean;
  /** Sign-in attempts allowed per IP address per 5 minutes (accounts also lock, see login.ts). */
  loginAttemptsPerIp: number;
  /** Where the daily audit anchor is emailed (it is always written to the log). */
  auditAnchorEmail: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Secrets generated for a development data directory when none are configured. */
export interface GeneratedSecrets {
  SECRET_KEY: string;
  DATA_ENCRYPTION_KEY: string;
}

export function loadConfig(rawEnv: Record<string, string | undefined>, generated?: GeneratedSecrets): Config {
  // Empty strings count as unset, as in most .env tooling.
  const env = Object.fromEntries(
    Object.entries(rawEnv).filter(([, v]) => v !== undefined && v !== ''),
  ) as Record<string, string>;
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'} ${issue.message}`),
    );
  }
  const e = parsed.data;
  const secretKey = e.SECRET_KEY ?? generated?.SECRET_KEY;
  const dataKey = e.DATA_ENCRYPTION_KEY ?? generated?.DATA_ENCRYPTION_KEY;
  const problems: string[] = [];
  if (!secretKey) problems.push('SECRET_KEY is required');
  if (!dataKey) problems.push('DATA_ENCRYPTION_KEY is required');
  const oldKeys = (e.DATA_ENCRYPTION_OLD_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => Buffer.from(k, 'base64'));
  if (oldKeys.some((k) => k.length !== 32)) {
    problems.push('DATA_ENCRYPTION_OLD_KEYS must be a comma-separated list of 32-byte base64 keys');
  }
  if (problems.length > 0 || !secretKey || !dataKey) throw new ConfigError(problems);

  const database: Config['database'] = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX }
    : { kind: 'pglite', dataDir: `${e.DATA_DIR}/pglite` };
  const displayHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database,
    dataDir: e.DATA_DIR,
    publicUrl: (e.PUBLIC_URL ?? `http://${displayHost}:${e.PORT}`).replace(/\/$/, ''),
    secretKey,
    dataKeys: { current: Buffer.from(dataKey, 'base64'), old: oldKeys },
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    whatsapp:
      e.WHATSAPP_PHONE_NUMBER_ID && e.WHATSAPP_TOKEN
        ? {
            apiUrl: e.WHATSAPP_API_URL.replace(/\/$/, ''),
            phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID,
            token: e.WHATSAPP_TOKEN,
            ...(e.WHATSAPP_TEMPLATE
              ? { template: { name: e.WHATSAPP_TEMPLATE, language: e.WHATSAPP_TEMPLATE_LANGUAGE } }
              : {}),
          }
        : undefined,
    sms: e.SMS_GATEWAY_URL
      ? {
          url: e.SMS_GATEWAY_URL,
          authHeader: e.SMS_GATEWAY_AUTH_HEADER,
          format: e.SMS_GATEWAY_FORMAT,
          ...(e.SMS_GATEWAY_TOKEN ? { token: e.SMS_GATEWAY_TOKEN } : {}),
          ...(e.SMS_GATEWAY_SENDER ? { sender: e.SMS_GATEWAY_SENDER } : {}),
        }
      : undefined,
    logLevel: e.LOG_LEVEL,
    runWorker: e.RUN_WORKER,
    mailSendHeldOnStart: e.MAIL_SEND_HELD_ON_START,
    trustProxy: e.TRUST_PROXY,
    seedDemo: e.SEED_DEMO ?? (database.kind === 'pglite' && e.NODE_ENV !== 'production'),
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
    passwordHashCost: e.PASSWORD_HASH_COST,
    uploadMaxBytes: e.UPLOAD_MAX_MB * 1024 * 1024,
    uploadRequestMaxBytes: Math.max(e.UPLOAD_REQUEST_MAX_MB, e.UPLOAD_MAX_MB) * 1024 * 1024,
    uploadConcurrency: e.UPLOAD_CONCURRENCY,
    migrateOnStart: e.MIGRATE_ON_START,
    loginAttemptsPerIp: e.LOGIN_ATTEMPTS_PER_IP,
    auditAnchorEmail: e.AUDIT_ANCHOR_EMAIL,
  };
}
