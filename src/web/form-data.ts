import type { FastifyRequest } from 'fastify';
import { readSpooled, spooledOf } from './upload-limits.ts';

export interface UploadedFile {
  field: string;
  filename: string;
  declaredType: string;
  bytes: Buffer;
}

export interface FormData {
  fields: Record<string, string | string[]>;
  files: Record<string, UploadedFile[]>;
}

interface MultipartPart {
  type: 'file' | 'field';
  fieldname: string;
  value?: unknown;
  filename?: string;
  mimetype?: string;
  toBuffer?: () => Promise<Buffer>;
}

function isPart(v: unknown): v is MultipartPart {
  return typeof v === 'object' && v !== null && 'fieldname' in v && 'type' in v;
}

/**
 * The submitted form as plain strings and file buffers, whether it came url-encoded or as
 * multipart. Repeated names become arrays; empty file inputs are dropped.
 */
export async function readForm(req: FastifyRequest): Promise<FormData> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const fields: Record<string, string | string[]> = {};
  const files: Record<string, UploadedFile[]> = {};
  const addField = (name: string, value: string) => {
    const prev = fields[name];
    fields[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  };
  for (const [name, raw] of Object.entries(body)) {
    const values = Array.isArray(raw) ? raw : [raw];
    for (const v of values) {
      if (isPart(v)) {
        if (v.type === 'file') {
          // Streamed to disk while the body came in (upload-limits.ts), read back only now
          // that the size caps have held.
          const spooled = spooledOf(v);
          const bytes = spooled
            ? await readSpooled(spooled)
            : v.toBuffer
              ? await v.toBuffer()
              : Buffer.alloc(0);
          if (bytes.length === 0 && !v.filename) continue;
          (files[name] ??= []).push({
            field: name,
            filename: v.filename ?? 'file',
            declaredType: v.mimetype ?? 'application/octet-stream',
            bytes,
          });
        } else {
          addField(
            name,
            typeof v.value === 'string' ? v.value : typeof v.value === 'number' ? String(v.value) : '',
          );
        }
      } else if (typeof v === 'string') {
        addField(name, v);
      } else if (v !== undefined && v !== null) {
        addField(name, String(v));
      }
    }
  }
  delete fields._csrf;
  return { fields, files };
}

/** A single string value (the first when repeated). */
export function one(fields: FormData['fields'], name: string): string | undefined {
  const v = fields[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Every value of a repeated field. */
export function many(fields: FormData['fields'], name: string): string[] {
  const v = fields[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
