import { OFFICE_FORMAT_OF, scrubOffice } from './office-scrub.ts';
import { stripPdf } from './pdf-engine.ts';
import { scrubXlsx, XLSX_TYPE } from './xlsx-scrub.ts';

/**
 * What leaves the office for any file served to the public or a requester: PDFs without
 * metadata, XMP, embedded files, scripts, annotations or forms; spreadsheets without hidden
 * sheets, rows, columns, comments, names or properties; DOCX, PPTX and ODS without tracked
 * changes, comments, hidden text, slides, sheets, notes or properties. Other types pass unchanged.
 * A redacted copy passes here again, which changes nothing in it.
 */
export async function releaseCopy(bytes: Buffer, mediaType: string): Promise<Buffer> {
  if (mediaType === 'application/pdf') return stripPdf(bytes);
  if (mediaType === XLSX_TYPE) return (await scrubXlsx(bytes)).bytes;
  const office = OFFICE_FORMAT_OF[mediaType];
  if (office) return (await scrubOffice(bytes, office)).bytes;
  return bytes;
}
