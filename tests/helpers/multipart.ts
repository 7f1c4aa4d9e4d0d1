import { randomBytes } from 'node:crypto';

export interface MultipartFile {
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** A multipart/form-data body, as a browser sends a form with files. */
export function multipartBody(
  fields: Record<string, string | string[] | undefined>,
  files: MultipartFile[] = [],
): { payload: Buffer; contentType: string } {
  const boundary = `----terbuka${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`,
          'utf8',
        ),
      );
    }
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.contentType}\r\n\r\n`,
        'utf8',
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The request form as url-encoded/multipart fields (arrays for the checkboxes). */
export function formFields(data: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(data)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) out[k] = v.map(String);
    else if (typeof v === 'boolean') {
      if (v) out[k] = 'on';
    } else out[k] = String(v as string | number);
  }
  return out;
}

interface CookieJarClient {
  cookies: Map<string, string>;
  csrfToken(fromUrl: string): Promise<string>;
}

interface Injector {
  inject(opts: { method: 'POST'; url: string; headers: Record<string, string>; payload: Buffer }): Promise<{
    statusCode: number;
    body: string;
    headers: Record<string, unknown>;
    cookies: { name: string; value: string; maxAge?: number; expires?: Date }[];
  }>;
}

/** Posts a multipart form as the TestClient's browser would: its cookies and a CSRF token from `csrfFrom`. */
export async function postMultipart(
  app: Injector,
  client: CookieJarClient,
  url: string,
  fields: Record<string, string | string[] | undefined>,
  files: MultipartFile[],
  csrfFrom: string,
) {
  const token = await client.csrfToken(csrfFrom);
  const { payload, contentType } = multipartBody({ ...fields, _csrf: token }, files);
  const cookie = [...client.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': contentType },
    payload,
  });
  for (const c of res.cookies) {
    if (
      c.value === '' ||
      (c.maxAge !== undefined && c.maxAge <= 0) ||
      (c.expires && c.expires.getTime() < Date.now())
    )
      client.cookies.delete(c.name);
    else client.cookies.set(c.name, c.value);
  }
  return res;
}
