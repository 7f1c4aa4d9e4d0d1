import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from '../platform/errors.ts';
import { hasControlChars } from '../platform/validation.ts';

// Defect 6 of issue 12: a NUL byte (or another control character) in any text that comes in is
// a 400 naming the field, never a 500 from the database. Form fields are checked by the shared
// zod text helpers, which put the message beside the field's label; this hook covers what has
// no form around it: JSON bodies (named by their JSON path, as the API documents them), query
// strings and path parameters.

function walk(value: unknown, path: string, out: FieldError[], depth = 0): void {
  if (out.length >= 20 || depth > 12) return;
  if (typeof value === 'string') {
    if (hasControlChars(value)) out.push({ field: path || 'body', key: 'validation.controlChars' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, path ? `${path}.${i}` : String(i), out, depth + 1));
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (hasControlChars(k)) out.push({ field: path || 'body', key: 'validation.controlChars' });
      else walk(v, path ? `${path}.${k}` : k, out, depth + 1);
    }
  }
}

export function controlCharactersIn(value: unknown): FieldError[] {
  const out: FieldError[] = [];
  walk(value, '', out);
  return out;
}

export function registerControlCharacterCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const problems = [...controlCharactersIn(req.query), ...controlCharactersIn(req.params)];
    const type = req.headers['content-type'] ?? '';
    if (/json/i.test(type)) problems.push(...controlCharactersIn(req.body));
    if (problems.length > 0) throw AppError.validation(problems);
  });
}
