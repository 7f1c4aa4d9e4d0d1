import { z } from 'zod';

// Completes the OpenAPI document that @fastify/swagger builds from the routes' own zod schemas
// (ADR 0069): the server, the licence, an operationId on every operation, `security: []` on the
// public ones, and the error responses with the one error body the API returns (see
// http-errors.tsx apiErrorBody). Nothing here describes a route a second time, so the document
// cannot drift from what the routes validate.

/** The one error body of the API (http-errors.tsx `apiErrorBody`). */
export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z
        .enum([
          'VALIDATION',
          'UNAUTHENTICATED',
          'FORBIDDEN',
          'NOT_FOUND',
          'CONFLICT',
          'UNPROCESSABLE',
          'RATE_LIMITED',
          'PAYLOAD_TOO_LARGE',
          'UNSUPPORTED_MEDIA_TYPE',
          'URI_TOO_LONG',
          'LOCKED',
          'UNAVAILABLE',
          'INTERNAL',
        ])
        .describe('Stable code to branch on'),
      message: z.string().describe('Translated message (Accept-Language: id or en), naming every field'),
      fields: z
        .array(z.object({ field: z.string(), message: z.string() }))
        .optional()
        .describe('One entry per field with a problem'),
      requestId: z.string().describe('Reference of the request in the server log'),
    }),
  })
  .meta({ id: 'Error', description: 'Every 4xx and 5xx answer of the API has this body.' });

const ERROR_TEXT: Record<string, string> = {
  '400': 'Invalid input: every field with a problem is named',
  '401': 'Missing or invalid bearer token',
  '403': "The token's user may not do this in this office",
  '404': 'Not found (also a wrong number or tracking code)',
  '409': 'The case is no longer in the state this step needs, or a duplicate',
  '413': 'Body or file too large',
  '415': 'Content type or file type not accepted',
  '422': 'Well-formed but refused by a rule of the procedure',
  '429': 'Too many requests; try again later (Retry-After)',
};

/** Which error answers an operation can give, by whether it is staff-only and whether it takes a body. */
export function errorStatuses(method: string, secured: boolean): string[] {
  const codes = ['400', '404', '429'];
  if (secured) codes.push('401', '403');
  if (['post', 'put', 'patch'].includes(method)) codes.push('409', '413', '415', '422');
  return codes.sort();
}

/** `get /api/v1/offices/{slug}/requests` → `getOfficesSlugRequests` (when a route names none). */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/(v1\/)?/, '')
    .split(/[/{}:._-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
  return method.toLowerCase() + words.join('');
}

type Operation = {
  operationId?: string;
  security?: unknown[];
  responses?: Record<string, unknown>;
  [k: string]: unknown;
};
type Doc = {
  servers?: { url: string; description?: string }[];
  info: Record<string, unknown>;
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; [k: string]: unknown };
  [k: string]: unknown;
};

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

export function finishOpenApi<T>(input: T, publicUrl: string): T {
  const doc = input as unknown as Doc;
  doc.servers = [{ url: publicUrl, description: 'This deployment' }];
  doc.info.license = { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' };
  // components.schemas.Error comes from apiErrorSchema's .meta({ id }), like every named schema.
  const used = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      let id = op.operationId ?? operationIdOf(method, path);
      while (used.has(id)) id += '_';
      used.add(id);
      op.operationId = id;
      const secured = Array.isArray(op.security) && op.security.length > 0;
      if (!secured) op.security = [];
      op.responses ??= {};
      for (const status of errorStatuses(method, secured)) {
        op.responses[status] ??= {
          description: ERROR_TEXT[status],
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        };
      }
    }
  }
  pruneUnusedSchemas(doc);
  return input;
}

/**
 * zod gives every named schema an input and an output variant; the one no operation refers to
 * (e.g. `ErrorInput`) is dropped, so the document lists only what a client meets.
 */
function pruneUnusedSchemas(doc: Doc): void {
  const schemas = doc.components?.schemas;
  if (!schemas) return;
  for (;;) {
    const text =
      JSON.stringify({ ...doc, components: { ...doc.components, schemas: {} } }) + JSON.stringify(schemas);
    const unused = Object.keys(schemas).filter((name) => !text.includes(`"#/components/schemas/${name}"`));
    if (unused.length === 0) return;
    for (const name of unused) delete schemas[name];
  }
}
