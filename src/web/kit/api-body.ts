import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { readForm } from '../form-data.ts';
import { uploadsOf } from '../requests/uploads-of.ts';

/**
 * The body of an API call that takes JSON or multipart/form-data (with files): the fields as
 * data, and the uploaded files (none for JSON). A JSON body must be an object.
 */
export async function jsonOrMultipart(
  req: FastifyRequest,
): Promise<{ data: Record<string, unknown>; uploads: ReturnType<typeof uploadsOf> }> {
  if (req.isMultipart()) {
    const form = await readForm(req);
    return { data: form.fields, uploads: uploadsOf(form) };
  }
  const body = req.body;
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw AppError.field('body', 'validation.invalid');
  const data = body as Record<string, unknown>;
  return { data, uploads: [] };
}
