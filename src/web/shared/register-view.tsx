import type { FastifyReply } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { Translate } from '../../platform/i18n.ts';
import { registerToCsv, registerToXlsx, type RegisterTable } from '../../modules/requests/register-export.ts';
import { sendFile } from '../requests/send-file.ts';
import { DataTable, type Column } from './data-table.tsx';

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

/** A register's columns (the spec its downloads are built from), for a table on screen. */
export function registerColumns<R extends Readonly<Record<string, unknown>>>(register: {
  columns: readonly { key: string; header: string }[];
}): Column<R>[] {
  return register.columns.map((c) => ({
    label: c.header,
    cell: (row: R) => row[c.key] as ComponentChildren,
  }));
}

export function RegisterGrid({ register, emptyText }: { register: RegisterTable; emptyText: string }) {
  if (register.rows.length === 0) return <p class="muted">{emptyText}</p>;
  return (
    <DataTable
      label={register.title ?? 'Register'}
      wrapClass="register"
      rows={register.rows}
      columns={registerColumns(register)}
    />
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
