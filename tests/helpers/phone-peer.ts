import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP peer for tests that plays the WhatsApp Cloud API (POST /{phone-number-id}/messages)
// and an SMS gateway (POST /sms): the app's send job talks to it over TCP with fetch, the test
// reads what arrived. `failNext(n)` answers the next n requests with HTTP 500, to prove retry.

export interface PhoneRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  raw: string;
  /** JSON or form body, parsed. */
  body: Record<string, unknown>;
  /** The status the peer answered. */
  status: number;
}

export interface PhonePeer {
  url: string;
  requests: PhoneRequest[];
  /** Requests answered 2xx on this path (the messages that were delivered). */
  delivered(path: string): PhoneRequest[];
  failNext(n: number): void;
  stop(): Promise<void>;
}

export async function startPhonePeer(): Promise<PhonePeer> {
  const requests: PhoneRequest[] = [];
  let failures = 0;
  let seq = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const type = req.headers['content-type'] ?? '';
      let body: Record<string, unknown>;
      try {
        body = type.startsWith('application/json')
          ? (JSON.parse(raw) as Record<string, unknown>)
          : Object.fromEntries(new URLSearchParams(raw));
      } catch {
        body = {};
      }
      const fail = failures > 0;
      if (fail) failures--;
      const status = fail ? 500 : 200;
      const path = (req.url ?? '/').split('?')[0]!;
      requests.push({ method: req.method ?? '', path, headers: req.headers, raw, body, status });
      res.writeHead(status, { 'content-type': 'application/json' });
      if (fail) {
        res.end(JSON.stringify({ error: { message: 'Service temporarily unavailable', code: 2 } }));
        return;
      }
      seq++;
      res.end(
        JSON.stringify(
          path === '/sms'
            ? { id: `sms-${seq}`, status: 'queued' }
            : {
                messaging_product: 'whatsapp',
                contacts: [{ input: body.to, wa_id: String(body.to).replace('+', '') }],
                messages: [{ id: `wamid.TEST${seq}` }],
              },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    delivered: (path) => requests.filter((r) => r.path === path && r.status < 300),
    failNext(n) {
      failures = n;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
