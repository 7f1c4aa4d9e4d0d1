import { deflateSync } from 'node:zlib';
import { createPdf, pdfToBuffer } from '../../src/platform/pdf/pdf.ts';
import type { Actor } from '../../src/modules/access/actor.ts';
import { actorForUser } from '../../src/modules/people/load-actor.ts';
import type { User } from '../../src/modules/people/queries.ts';
import type { RequestsCtx } from '../../src/modules/requests/requests-ctx.ts';
import type { TestApp } from './test-app.ts';

/** The use-case context of a test app. */
export function requestsCtx(t: TestApp): RequestsCtx {
  return {
    db: t.db.db,
    clock: t.clock,
    files: t.files,
    keys: t.config.dataKeys,
    publicUrl: t.config.publicUrl,
    uploadMaxBytes: t.config.uploadMaxBytes,
  };
}

export async function actorOf(t: TestApp, user: User): Promise<Actor> {
  return actorForUser(t.db.db, user, t.clock.now(), null);
}

/** A valid NIK of Kota Bandung (province 32), a man born 5 January 1990. */
export const BANDUNG_NIK = '3273010501900001';

/** A complete request form as a member of the public fills it in. */
export function sampleRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    requesterType: 'PERORANGAN',
    name: 'Dewi Lestari',
    nik: BANDUNG_NIK,
    address: 'Jl. Cihampelas No. 10, Kota Bandung',
    occupation: 'Peneliti',
    phone: '0812 2345 6789',
    email: 'dewi.lestari@contoh.test',
    informationRequested:
      'Salinan Keputusan KPU Kota Bandung tentang penetapan daftar pemilih tetap Pemilihan 2024 per kecamatan.',
    purpose: 'Penelitian partisipasi pemilih untuk skripsi.',
    category: 'TAHAPAN_PEMILU',
    accessMethods: ['SALINAN_SOFTCOPY'],
    deliveryMethod: 'EMAIL',
    consent: true,
    ...overrides,
  };
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real PNG image (a grey square), as a phone photo of a KTP would be. */
export function pngImage(size = 16): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const raw = Buffer.alloc((size + 1) * size, 0x80);
  for (let y = 0; y < size; y++) raw[y * (size + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A real PDF with one line of text. */
export async function pdfDocument(text: string): Promise<Buffer> {
  const doc = createPdf({ title: text });
  doc.text(text);
  return pdfToBuffer(doc);
}
