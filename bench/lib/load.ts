import http from 'node:http';

// A closed-loop HTTP load generator: `clients` connections (keep-alive), each sending its next
// request as soon as the previous answer has arrived, for `seconds`. Every answer's status is
// checked; the figures are requests per second and latency percentiles. Used for Terbuka and
// for the bare-Fastify anchor alike, so the ratio between them cancels the generator's own cost.

export interface LoadRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  firstError?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function once(agent: http.Agent, port: number, r: LoadRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: r.method ?? 'GET',
        path: r.path,
        headers: {
          ...(r.body
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(r.body) }
            : {}),
          ...r.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (r.body) req.write(r.body);
    req.end();
  });
}

/** Runs the load; `next(i)` gives the i-th request (all clients share one counter). */
export async function load(opts: {
  port: number;
  clients: number;
  seconds: number;
  warmupSeconds?: number;
  next: (i: number) => LoadRequest;
  ok?: (status: number) => boolean;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.clients });
  const ok = opts.ok ?? ((s: number) => s >= 200 && s < 400);
  let i = 0;
  const run = async (seconds: number, record: boolean) => {
    const latencies: number[] = [];
    let errors = 0;
    let firstError: string | undefined;
    const until = performance.now() + seconds * 1000;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: opts.clients }, async () => {
        while (performance.now() < until) {
          const started = performance.now();
          try {
            const res = await once(agent, opts.port, opts.next(i++));
            if (!ok(res.status)) {
              errors++;
              firstError ??= `${res.status}: ${res.body.slice(0, 200)}`;
            }
          } catch (e) {
            errors++;
            firstError ??= String(e);
          }
          if (record) latencies.push(performance.now() - started);
        }
      }),
    );
    const elapsed = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      errors,
      rps: latencies.length / elapsed,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      ...(firstError ? { firstError } : {}),
    };
  };
  if (opts.warmupSeconds) await run(opts.warmupSeconds, false);
  const result = await run(opts.seconds, true);
  agent.destroy();
  return result;
}

/** One request, for set-up steps. */
export async function request(port: number, r: LoadRequest): Promise<{ status: number; body: string }> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    return await once(agent, port, r);
  } finally {
    agent.destroy();
  }
}
