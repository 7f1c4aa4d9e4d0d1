import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../platform/config.ts';
import { AppError } from '../platform/errors.ts';

// Issue 12, defect 8 (ADR 0064): a multipart body is refused before any of it is read when it
// does not state its length or states more than the per-request cap; only a bounded number
// are received at once; and each file goes to disk as it arrives (under the per-file cap),
// encrypted with a key that lives only in this request's memory, so a crash leaves nothing
// readable behind. The temporary files are deleted when the response ends.

/** A file part as it was written to disk while the body streamed in. */
export interface SpooledUpload {
  path: string;
  size: number;
  key: Buffer;
  iv: Buffer;
  tag: Buffer;
}

const kSpooled = Symbol('spooled');
type SpooledPart = MultipartFile & { [kSpooled]?: SpooledUpload };

/** The spooled copy of a file part, if it was spooled (readForm reads it back). */
export function spooledOf(part: unknown): SpooledUpload | undefined {
  return typeof part === 'object' && part !== null ? (part as SpooledPart)[kSpooled] : undefined;
}

/** The bytes of a spooled file (its checks already passed: at most the per-file cap). */
export async function readSpooled(upload: SpooledUpload): Promise<Buffer> {
  const decipher = createDecipheriv('aes-256-gcm', upload.key, upload.iv);
  decipher.setAuthTag(upload.tag);
  return Buffer.concat([decipher.update(await readFile(upload.path)), decipher.final()]);
}

export function uploadTmpDir(config: Config): string {
  return path.join(config.dataDir, 'tmp', 'uploads');
}

const spooledFiles = new WeakMap<FastifyRequest, string[]>();
/** Requests whose response has ended: a spool still being written for one deletes itself. */
const ended = new WeakSet<FastifyRequest>();

/** @fastify/multipart's onFile: stream the part to an encrypted temporary file. */
export function spoolFile(config: Config) {
  const dir = uploadTmpDir(config);
  return async function onFile(this: FastifyRequest, part: MultipartFile): Promise<void> {
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${randomUUID()}.part`);
    const list = spooledFiles.get(this) ?? [];
    spooledFiles.set(this, list);
    list.push(file);
    const key = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    let size = 0;
    const count = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(part.file, count, cipher, createWriteStream(file, { mode: 0o600 }));
    } finally {
      if (ended.has(this)) await rm(file, { force: true });
    }
    if (part.file.truncated) {
      const maxMb = Math.floor(config.uploadMaxBytes / 1048576);
      throw new AppError('PAYLOAD_TOO_LARGE', 'error.fileTooLarge', { maxMb }, [
        { field: part.fieldname, key: 'validation.fileTooLarge', params: { maxMb } },
      ]);
    }
    (part as SpooledPart)[kSpooled] = { path: file, size, key, iv, tag: cipher.getAuthTag() };
  };
}

function isMultipart(req: FastifyRequest): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');
}

/**
 * Refuses multipart bodies without a length or over the cap (413 before a byte is read) and
 * bounds how many are received at once (503 with Retry-After when full). Register after the
 * hook that sets the request's language, so the refusals are translated.
 */
export function registerUploadLimits(app: FastifyInstance, config: Config): void {
  let active = 0;
  app.decorate('uploadsInFlight', () => active);
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!isMultipart(req)) return;
    const declared = req.headers['content-length'];
    if (declared === undefined || !/^\d+$/.test(declared))
      throw new AppError('LENGTH_REQUIRED', 'error.lengthRequired');
    if (Number(declared) > config.uploadRequestMaxBytes) {
      reply.header('connection', 'close');
      throw new AppError('PAYLOAD_TOO_LARGE', 'error.requestTooLarge', {
        maxMb: Math.floor(config.uploadRequestMaxBytes / 1048576),
      });
    }
    if (active >= config.uploadConcurrency) {
      reply.header('retry-after', '5');
      reply.header('connection', 'close');
      throw new AppError('UNAVAILABLE', 'error.uploadsBusy');
    }
    active++;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      active--;
      ended.add(req);
      const files = spooledFiles.get(req) ?? [];
      spooledFiles.delete(req);
      for (const f of files) void rm(f, { force: true });
    };
    // 'close' also fires when the client goes away before the response; onResponse covers
    // injected requests.
    reply.raw.once('close', finish);
    reply.raw.once('finish', finish);
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** How many multipart bodies are being received now (tests). */
    uploadsInFlight: () => number;
  }
}
