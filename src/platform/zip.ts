import { ZipFile } from 'yazl';

// ZIP archives of documents built in memory (a few PDFs: the dispute bundle), with yazl
// (ADR 0022). Entries keep the given order; names are plain ASCII paths.

export interface ZipEntry {
  name: string;
  bytes: Buffer;
}

export function zipBuffers(entries: readonly ZipEntry[], mtime: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new ZipFile();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
    zip.on('error', reject);
    // PDFs are already compressed; text entries are tiny. Storing keeps it fast and simple.
    for (const e of entries)
      zip.addBuffer(e.bytes, e.name, { mtime, mode: 0o100644, compress: !e.name.endsWith('.pdf') });
    zip.end();
  });
}
