import type { FastifyReply } from 'fastify';

/** Sends a document or file as a download, never cached, never sniffed into something else. */
export function sendFile(
  reply: FastifyReply,
  file: { name: string; mediaType: string; bytes: Buffer },
  inline = false,
): FastifyReply {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', file.mediaType)
    .header(
      'content-disposition',
      `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}
