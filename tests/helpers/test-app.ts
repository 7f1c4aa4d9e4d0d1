import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ManualClock } from '../../src/platform/clock.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { FileStore } from '../../src/platform/storage/file-store.ts';
import { buildApp } from '../../src/web/app.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  clock: ManualClock;
  config: Config;
  files: FileStore;
  close(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}, dataDir?: string): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SECRET_KEY: randomBytes(32).toString('hex'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    DATA_DIR: dataDir ?? path.join(os.tmpdir(), 'terbuka-unused'),
    PASSWORD_HASH_COST: '14',
    RUN_WORKER: 'false',
    LOGIN_ATTEMPTS_PER_IP: '10000',
    ...overrides,
  });
}

/** The web application on a fresh test database, with a clock the test controls. */
export async function createTestApp(
  opts: { now?: string; env?: Record<string, string>; db?: TestDatabase } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-app-'));
  const config = testConfig(opts.env, dataDir);
  const db = opts.db ?? (await createTestDatabase());
  const clock = new ManualClock(opts.now ?? '2026-11-18T02:00:00Z');
  const files = new FileStore(path.join(dataDir, 'files'), config.dataKeys);
  const app = await buildApp({ config, database: db, clock, files });
  await app.ready();
  return {
    app,
    db,
    clock,
    config,
    files,
    close: async () => {
      await app.close();
      if (!opts.db) await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Form = Record<string, string | string[] | undefined>;

function encodeForm(form: Form): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
  }
  return params.toString();
}

/** A browser-like client over app.inject: keeps cookies and finds CSRF tokens in pages. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies) {
      if (
        c.value === '' ||
        (c.maxAge !== undefined && c.maxAge <= 0) ||
        (c.expires && c.expires.getTime() < Date.now())
      ) {
        this.cookies.delete(c.name);
      } else {
        this.cookies.set(c.name, c.value);
      }
    }
    return res;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.keep(
      await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } }),
    );
  }

  /** Posts a url-encoded form. `csrf` true (default) first fetches a token from `csrfFrom`. */
  async post(
    url: string,
    form: Form,
    opts: { csrf?: boolean | string; csrfFrom?: string } = {},
  ): Promise<LightMyRequestResponse> {
    let token: string | undefined;
    if (typeof opts.csrf === 'string') token = opts.csrf;
    else if (opts.csrf !== false) token = await this.csrfToken(opts.csrfFrom ?? '/staff/login');
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: encodeForm(token ? { ...form, _csrf: token } : form),
      }),
    );
  }

  /** Posts a multipart form with files, as a browser does for an upload form. */
  async postMultipart(
    url: string,
    fields: Record<string, string>,
    files: { field: string; filename: string; contentType: string; content: Buffer | string }[],
    opts: { csrfFrom: string },
  ): Promise<LightMyRequestResponse> {
    const token = await this.csrfToken(opts.csrfFrom);
    const boundary = `----terbuka${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    for (const [k, v] of Object.entries({ ...fields, _csrf: token })) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    }
    for (const f of files) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.contentType}\r\n\r\n`,
        ),
        Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat(parts),
      }),
    );
  }

  async csrfToken(fromUrl: string): Promise<string> {
    const page = await this.get(fromUrl);
    const match = /name="_csrf" value="([^"]+)"/.exec(page.body);
    if (!match) throw new Error(`No CSRF token on ${fromUrl} (status ${page.statusCode})`);
    return match[1]!;
  }

  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    const res = await this.post('/staff/login', { email, password, next: '/staff' });
    if (res.statusCode !== 302) throw new Error(`Login of ${email} failed: ${res.statusCode}`);
    return res;
  }
}
