import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/modules/access/actor.ts';
import { createApiToken } from '../../src/modules/people/api-tokens.ts';
import { office } from '../helpers/factories.ts';
import { formFields, multipartBody } from '../helpers/multipart.ts';
import { pngImage, sampleRequest } from '../helpers/requests-fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';
import { knownDefect, type BadInputCase } from './known-5xx.ts';

// Bad input, generated: every operation of the OpenAPI document and every public form gets
// garbage (huge strings, control characters, wrong types, missing fields, overflow numbers,
// broken JSON and multipart, wrong content types, traversal names). No answer may be a 5xx.
// The seed is fixed so a failure repeats; BAD_INPUT_SEED and BAD_INPUT_RUNS change it.

const OFFICE = 'kpu-kota-bandung';
const SEED = Number(process.env.BAD_INPUT_SEED ?? 20261203);
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 30);

let t: TestApp;
let token: string;
let requestId: string;
let requestNumber: string;
let trackingCode: string;

const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).concat([
  '\u007f',
  '\u2028',
  '\u202e',
  '\ufeff',
]);
const nastyConstants = [
  '',
  ' ',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/etc/passwd%00.png',
  'a\u0000b',
  '\ud800',
  '9999-12-31',
  '0000-00-00',
  '2026-02-30',
  '-1',
  '1e309',
  '99999999999999999999999999',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '<script>alert(1)</script>',
  "'; DROP TABLE requests; --",
  '${7*7}',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
];

const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...CONTROL), minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 4, arbitrary: fc.constantFrom(...nastyConstants) },
  { weight: 1, arbitrary: fc.constantFrom('A'.repeat(70_000), '🙂'.repeat(5_000), 'x'.repeat(1_100_000)) },
);

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, 2 ** 64, -0, 1e308, 0.5, -1),
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), nastyString, { maxKeys: 3 }),
);

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  $ref?: string;
  anyOf?: JsonSchema[];
}

interface Operation {
  method: string;
  path: string;
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

let components: Record<string, JsonSchema> = {};
function resolve(s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s) return s;
  if (s.$ref) return resolve(components[s.$ref.split('/').pop()!]);
  return s;
}

/** A value that fits the schema (so other fields get past validation), or garbage. */
function valueFor(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const plausible: fc.Arbitrary<unknown>[] = [];
  if (s?.enum?.length) plausible.push(fc.constantFrom(...s.enum));
  const type = Array.isArray(s?.type) ? s.type[0] : s?.type;
  if (type === 'boolean') plausible.push(fc.boolean());
  if (type === 'integer' || type === 'number') plausible.push(fc.integer({ min: 0, max: 100 }));
  if (type === 'array') plausible.push(fc.array(valueFor(s?.items), { maxLength: 3 }));
  if (type === 'string' && !s?.enum) plausible.push(fc.constantFrom('Dewi', '2026-11-18', 'Jl. Merdeka 1'));
  return plausible.length ? fc.oneof(nastyString, wrongType, ...plausible) : fc.oneof(nastyString, wrongType);
}

/** encodeURIComponent, except that a lone surrogate goes out as the invalid UTF-8 bytes %ED%A0%80. */
function encodePart(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return `${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, ''))}%ED%A0%80`;
  }
}

function paramValue(name: string): fc.Arbitrary<string> {
  const real: Record<string, string[]> = {
    slug: [OFFICE],
    office: [OFFICE],
    id: [requestId],
    number: [requestNumber],
  };
  const pool = real[name];
  const garbage = nastyString.map(encodePart);
  return pool ? fc.oneof(fc.constantFrom(...pool.map(encodeURIComponent)), garbage) : garbage;
}

const brokenMultipart = [
  '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nDewi', // no closing boundary
  '--x\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--x--\r\n',
  '--x\r\nContent-Disposition: form-data; name="identityFile"; filename="../../../etc/passwd"\r\nContent-Type: image/png\r\n\r\nabc\r\n--x--\r\n',
  '--x\r\nContent-Disposition: form-data; name="identityFile"; filename="..\\..\\boot.ini"\r\n\r\n\u0000\u0000\r\n--x--\r\n',
  `--x\r\nContent-Disposition: form-data; name="${'n'.repeat(20_000)}"\r\n\r\nv\r\n--x--\r\n`,
  'garbage without any boundary',
  '--x--\r\n',
];

interface Sent {
  contentType?: string;
  payload?: string | Buffer;
}

function bodyFor(op: Operation): fc.Arbitrary<Sent> {
  const content = op.requestBody?.content ?? {};
  const schema = resolve(content['application/json']?.schema ?? content['multipart/form-data']?.schema);
  const props = Object.keys(schema?.properties ?? {});
  const objectArb = fc.record(
    Object.fromEntries(
      props.map((p) => [p, fc.option(valueFor(schema!.properties![p]), { nil: undefined })]),
    ),
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, unknown>>;
  const asJson = objectArb.map((o) => ({ contentType: 'application/json', payload: JSON.stringify(o) }));
  const anyJson = fc
    .jsonValue()
    .map((v) => ({ contentType: 'application/json', payload: JSON.stringify(v) }));
  const brokenJson = fc
    .constantFrom(
      '{',
      '{"name":',
      '[1,2',
      '\u0000',
      'nul',
      '{"a":1}}',
      '"x"',
      `{"x":"${'\\u0000'.repeat(3)}"}`,
    )
    .map((p) => ({
      contentType: 'application/json',
      payload: p,
    }));
  const wrongContentType = fc
    .tuple(
      fc.constantFrom(
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'application/octet-stream',
        'image/png',
        'multipart/form-data',
        'application/json; charset=utf-16',
      ),
      nastyString,
    )
    .map(([contentType, payload]) => ({ contentType, payload }));
  const malformedMultipart = fc
    .constantFrom(...brokenMultipart)
    .map((p) => ({ contentType: 'multipart/form-data; boundary=x', payload: p }));
  const multipartFields = fc.tuple(objectArb, nastyString).map(([o, filename]) => {
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(o)) if (v !== undefined) fields[k] = text(v);
    const { payload, contentType } = multipartBody(fields, [
      {
        field: 'identityFile',
        filename: filename || '../x.png',
        contentType: 'image/png',
        bytes: pngImage(8),
      },
    ]);
    return { contentType, payload };
  });
  const none = fc.constant<Sent>({});
  return fc.oneof(
    asJson,
    asJson,
    anyJson,
    brokenJson,
    wrongContentType,
    malformedMultipart,
    multipartFields,
    none,
  );
}

const text = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined'));

const failures: string[] = [];
const allowlisted = new Map<string, number>();
let casesTried = 0;

async function send(
  route: string,
  method: string,
  url: string,
  sent: Sent,
  headers: Record<string, string> = {},
) {
  casesTried++;
  const res = await t.app.inject({
    method: method as 'GET',
    url,
    headers: { ...(sent.contentType ? { 'content-type': sent.contentType } : {}), ...headers },
    ...(sent.payload !== undefined ? { payload: sent.payload } : {}),
    remoteAddress: `10.${casesTried % 250}.${(casesTried >> 8) % 250}.1`,
  });
  if (res.statusCode >= 500) {
    const body = typeof sent.payload === 'string' ? sent.payload : (sent.payload?.toString('latin1') ?? '');
    const c: BadInputCase = {
      route,
      method,
      url,
      contentType: sent.contentType,
      body,
      status: res.statusCode,
    };
    const known = knownDefect(c);
    if (known) allowlisted.set(known, (allowlisted.get(known) ?? 0) + 1);
    else
      failures.push(
        `${res.statusCode} ${method} ${url.slice(0, 160)} [${sent.contentType ?? 'no body'}] ${body.slice(0, 160).replace(/\s+/g, ' ')} → ${res.body.slice(0, 200)}`,
      );
  }
  return res;
}

beforeAll(async () => {
  t = await createTestApp();
  const o = await office(t.db.db, OFFICE);
  token = (
    await createApiToken({ db: t.db.db, clock: t.clock }, cliActor(), {
      officeId: o.id,
      data: { name: 'bad-input', role: 'PPID' },
    })
  ).token;
  const { payload, contentType } = multipartBody(formFields(sampleRequest()), [
    { field: 'identityFile', filename: 'ktp.png', contentType: 'image/png', bytes: pngImage(16) },
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/offices/${OFFICE}/requests`,
    payload,
    headers: { 'content-type': contentType },
  });
  expect(res.statusCode).toBe(201);
  const created = res.json<{ number: string; trackingCode: string }>();
  requestNumber = created.number;
  trackingCode = created.trackingCode;
  const list = await t.app.inject({
    url: `/api/v1/offices/${OFFICE}/requests`,
    headers: { authorization: `Bearer ${token}` },
  });
  requestId = list.json<{ requests: { id: string }[] }>().requests[0]!.id;
});

afterAll(async () => {
  console.log(
    `bad-input: ${casesTried} cases, ${failures.length} unexpected 5xx, ${[...allowlisted.values()].reduce((a, b) => a + b, 0)} known 5xx` +
      [...allowlisted].map(([d, n]) => `\n  ${n} × ${d}`).join(''),
  );
  await t?.close();
});

describe('bad input never gets a 5xx', () => {
  it('every operation of the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
      components?: { schemas?: Record<string, JsonSchema> };
    }>();
    components = doc.components?.schemas ?? {};
    const ops: Operation[] = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.entries(methods).map(([m, op]) => ({ ...op, method: m.toUpperCase(), path: p })),
    );
    expect(ops.length).toBeGreaterThan(20);
    // every API route of the app is in the document (a new route cannot escape the suite)
    const documented = new Set(ops.map((o) => `${o.method} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`));
    const apiRoutes = t.app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && r.url !== '/api/openapi.json',
    );
    expect(
      apiRoutes.filter((r) => !documented.has(`${r.method} ${r.url}`)).map((r) => `${r.method} ${r.url}`),
    ).toEqual([]);

    for (const op of ops) {
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
      const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
      const route = op.path.replace(/\{(\w+)\}/g, ':$1');
      const arb = fc.record({
        path: fc.record(
          Object.fromEntries(pathParams.map((p) => [p.name, paramValue(p.name)])),
        ) as fc.Arbitrary<Record<string, string>>,
        query: fc.record(
          Object.fromEntries(
            queryParams.map((p) => [
              p.name,
              fc.option(fc.oneof(nastyString, valueFor(p.schema).map(text)), { nil: undefined }),
            ]),
          ),
          { requiredKeys: [] },
        ) as fc.Arbitrary<Record<string, string | undefined>>,
        body: op.method === 'GET' ? fc.constant<Sent>({}) : bodyFor(op),
        auth: fc.constantFrom('token', 'token', 'none', 'garbage'),
        idempotency: fc.option(nastyString, { nil: undefined }),
      });
      for (const c of fc.sample(arb, { numRuns: RUNS, seed: SEED })) {
        let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => c.path[name] ?? 'x');
        const qs = new URLSearchParams();
        for (const [k, v] of Object.entries(c.query)) if (v !== undefined) qs.set(k, v);
        if (queryParams.some((p) => p.name === 'code') && !qs.has('code') && c.auth === 'token')
          qs.set('code', trackingCode);
        if ([...qs].length) url += `?${qs.toString()}`;
        const headers: Record<string, string> = {};
        if (c.auth === 'token') headers.authorization = `Bearer ${token}`;
        if (c.auth === 'garbage')
          headers.authorization = `Bearer ${c.idempotency ?? 'x'}`.replace(/[\r\n]/g, '');
        if (c.idempotency !== undefined && /^[\t\x20-\x7e]*$/.test(c.idempotency))
          headers['idempotency-key'] = c.idempotency;
        await send(route, op.method, url, c.body, headers);
      }
    }
    expect(failures).toEqual([]);
  }, 900_000);

  it('every public form', async () => {
    // the public pages are the GET routes outside /staff and /api whose only parameter is the office
    const pages = t.app.routeTable
      .filter(
        (r) =>
          r.method === 'GET' &&
          !r.url.startsWith('/api/') &&
          !r.url.startsWith('/staff/:office') &&
          !r.url.startsWith('/assets'),
      )
      .filter((r) => (r.url.match(/:(\w+)/g) ?? []).every((p) => p === ':office'))
      .map((r) => r.url.replace(':office', OFFICE));
    const forms = new Map<string, { page: string; enctype: string; fields: string[] }>();
    const visitor = new TestClient(t.app);
    for (const page of pages) {
      const res = await visitor.get(page);
      if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('text/html')) continue;
      for (const m of res.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
        const attrs = m[1]!;
        if (!/method="post"/i.test(attrs)) continue;
        const action = /action="([^"]*)"/.exec(attrs)?.[1]?.replace(/&amp;/g, '&') ?? page;
        const fields = [
          ...new Set(
            [...m[2]!.matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/g)].map((f) => f[1]!),
          ),
        ].filter((f) => f !== '_csrf');
        const key = action.split('?')[0]!;
        if (!forms.has(key))
          forms.set(key, { page, enctype: /multipart/.test(attrs) ? 'multipart' : 'urlencoded', fields });
      }
    }
    expect([...forms.keys()]).toEqual(
      expect.arrayContaining([
        `/${OFFICE}/permohonan`,
        `/${OFFICE}/permohonan/cek`,
        `/${OFFICE}/keberatan`,
        '/staff/login',
      ]),
    );

    for (const [action, form] of forms) {
      const arb = fc.record({
        fields: fc.record(
          Object.fromEntries(
            form.fields.map((f) => [
              f,
              fc.option(fc.oneof(nastyString, fc.array(nastyString, { maxLength: 3 })), { nil: undefined }),
            ]),
          ),
          {
            requiredKeys: [],
          },
        ) as fc.Arbitrary<Record<string, string | string[] | undefined>>,
        csrf: fc.constantFrom('valid', 'valid', 'valid', 'missing', 'garbage'),
        encoding: fc.constantFrom(
          'as-form',
          'as-form',
          'urlencoded',
          'multipart',
          'broken-multipart',
          'json',
        ),
        filename: nastyString,
      });
      const route =
        t.app.routeTable.find(
          (r) => r.method === 'POST' && new RegExp(`^${r.url.replace(/:\w+/g, '[^/]+')}$`).test(action),
        )?.url ?? action;
      for (const c of fc.sample(arb, { numRuns: RUNS, seed: SEED })) {
        const client = new TestClient(t.app);
        const token =
          c.csrf === 'valid'
            ? await client.csrfToken(form.page)
            : c.csrf === 'garbage'
              ? 'x'.repeat(40)
              : undefined;
        const fields = { ...c.fields, ...(token ? { _csrf: token } : {}) };
        const encoding = c.encoding === 'as-form' ? form.enctype : c.encoding;
        let sent: Sent;
        if (encoding === 'multipart') {
          const flat = Object.fromEntries(
            Object.entries(fields).filter(([, v]) => v !== undefined),
          ) as Record<string, string | string[]>;
          sent = multipartBody(flat, [
            {
              field: 'identityFile',
              filename: c.filename || 'x',
              contentType: 'image/png',
              bytes: pngImage(8),
            },
          ]);
          sent = { contentType: sent.contentType, payload: sent.payload };
        } else if (encoding === 'broken-multipart') {
          sent = {
            contentType: 'multipart/form-data; boundary=x',
            payload: brokenMultipart[casesTried % brokenMultipart.length],
          };
        } else if (encoding === 'json') {
          sent = { contentType: 'application/json', payload: JSON.stringify(fields) };
        } else {
          const params = new URLSearchParams();
          for (const [k, v] of Object.entries(fields))
            for (const item of v === undefined ? [] : Array.isArray(v) ? v : [v]) params.append(k, item);
          sent = { contentType: 'application/x-www-form-urlencoded', payload: params.toString() };
        }
        const cookie = [...client.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
        await send(route, 'POST', action, sent, cookie ? { cookie } : {});
      }
    }
    expect(failures).toEqual([]);
  }, 900_000);
});
