import type { FastifyReply } from 'fastify';
import type { Translate } from '../../platform/i18n.ts';
import { registerToCsv, registerToXlsx, type RegisterTable } from '../../modules/requests/register-export.ts';
import { sendFile } from '../requests/send-file.ts';

// What the register of requests (Model PPID-C) and the register of objections (Model
// PPID-G) share on screen and in their downloads.

export const REGISTER_FORMATS = ['html', 'xlsx', 'csv', 'csv-semicolon', 'pdf'] as const;
/** `csv-semicolon`: `;` between cells, what Excel expects in the Indonesian locale. */
export type RegisterFormat = (typeof REGISTER_FORMATS)[number];

/** The filter as a query string, for the export links of the same selection. */
export function filterQuery(filter: Record<string, unknown>): string {
  return new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  ).toString();
}

export function RegisterExportLinks({ t, base, query }: { t: Translate; base: string; query: string }) {
  const sep = query ? '&' : '';
  return (
    <p class="toolbar">
      <a href={`${base}?${query}${sep}format=xlsx`}>{t('requests.register.exportXlsx')}</a>
      <a href={`${base}?${query}${sep}format=csv`}>{t('requests.register.exportCsv')}</a>
      <a href={`${base}?${query}${sep}format=csv-semicolon`}>{t('register.exportCsvSemicolon')}</a>
      <a href={`${base}?${query}${sep}format=pdf`}>{t('requests.register.exportPdf')}</a>
    </p>
  );
}

export function RegisterGrid({ register, emptyText }: { register: RegisterTable; emptyText: string }) {
  if (register.rows.length === 0) return <p class="muted">{emptyText}</p>;
  return (
    <div class="table-wrap register" tabIndex={0} role="region" aria-label={register.title ?? 'Register'}>
      <table>
        <thead>
          <tr>
            {register.columns.map((c) => (
              <th scope="col">{c.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {register.rows.map((row) => (
            <tr>
              {register.columns.map((c) => (
                <td>{row[c.key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Sends the register as XLSX, CSV or PDF under `stem` (the public version is marked in it). */
export async function sendRegisterDownload(
  reply: FastifyReply,
  register: RegisterTable,
  format: Exclude<RegisterFormat, 'html'>,
  stem: string,
  renderPdf: () => Promise<Buffer>,
): Promise<FastifyReply> {
  const name = `${stem}${register.filter.publicVersion ? '-publik' : ''}`;
  switch (format) {
    case 'xlsx':
      return sendFile(reply, {
        name: `${name}.xlsx`,
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        bytes: await registerToXlsx(register),
      });
    case 'csv':
    case 'csv-semicolon':
      return sendFile(reply, {
        name: `${name}.csv`,
        mediaType: 'text/csv; charset=utf-8',
        bytes: registerToCsv(register, format === 'csv' ? ',' : ';'),
      });
    case 'pdf':
      return sendFile(
        reply,
        { name: `${name}.pdf`, mediaType: 'application/pdf', bytes: await renderPdf() },
        true,
      );
  }
}
