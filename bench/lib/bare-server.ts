// The anchor of the page benchmarks: a bare Fastify server answering one fixed HTML page,
// started in the same run, on the same machine, with the same load generator.
// `node --import tsx bench/lib/bare-server.ts PORT`
import Fastify from 'fastify';

const page = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Terbuka</title></head><body><main><h1>PPID</h1>${'<p>Daftar Informasi Publik</p>'.repeat(40)}</main></body></html>`;
const app = Fastify({ logger: false });
app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').send(page));
await app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
console.log('listening');
