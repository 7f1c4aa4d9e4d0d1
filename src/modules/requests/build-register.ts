import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDate, formatDateWithWeekday, formatRupiah } from '../../platform/i18n.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests } from '../access/permissions.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import {
  addCalendarDays,
  instantOfLocal,
  localDateTime,
  workingDaysBetween,
} from '../calendar/working-days.ts';
import type { Office } from '../offices/queries.ts';
import {
  ACCESS_METHOD_ID,
  CATEGORY_ID,
  CHANNEL_ID,
  DELIVERY_KIND_ID,
  EXEMPTION_GROUND_ID,
  OUTCOME_ID,
  PAYMENT_METHOD_ID,
  REQUESTER_TYPE_ID,
  STATUS_ID,
} from './labels-id.ts';
import { listRequestsForRegister, loadRegisterExtras, type RequestRow } from './queries.ts';
import { activeOffice } from './request-steps.ts';
import { CATEGORIES, CHANNELS, OUTCOMES } from './schema.ts';
import { REQUEST_STATUSES } from './status.ts';

// Register Permohonan Informasi Publik, Model PPID-C: every column of regulation.md §7.1
// (Perki 1/2010 register) plus the recommended extras (number, channel, requester type,
// category, extension, delivery, working days to decision, status).

export const REGISTER_COLUMNS = [
  { key: 'no', header: 'No.', width: 4 },
  { key: 'number', header: 'Nomor pendaftaran', width: 14 },
  { key: 'receivedDate', header: 'Tanggal diterima', width: 11 },
  { key: 'name', header: 'Nama', width: 13, personal: true },
  { key: 'address', header: 'Alamat', width: 16, personal: true },
  { key: 'contact', header: 'Nomor kontak/email', width: 14, personal: true },
  { key: 'occupation', header: 'Pekerjaan', width: 10, personal: true },
  { key: 'requesterType', header: 'Jenis pemohon', width: 9 },
  { key: 'channel', header: 'Saluran', width: 9 },
  { key: 'category', header: 'Kategori informasi', width: 12 },
  { key: 'information', header: 'Informasi yang diminta', width: 22 },
  { key: 'purpose', header: 'Tujuan penggunaan informasi', width: 16 },
  { key: 'held', header: 'Status informasi (dikuasai/tidak)', width: 12 },
  { key: 'formHeld', header: 'Bentuk informasi yang dikuasai', width: 10 },
  { key: 'requestType', header: 'Jenis permohonan', width: 14 },
  { key: 'decision', header: 'Keputusan', width: 12 },
  { key: 'refusalReason', header: 'Alasan penolakan', width: 16 },
  { key: 'noticeDate', header: 'Hari/tanggal pemberitahuan tertulis', width: 13 },
  { key: 'fee', header: 'Biaya dan cara pembayaran', width: 11 },
  { key: 'extension', header: 'Perpanjangan (alasan)', width: 13 },
  { key: 'delivery', header: 'Tanggal dan cara penyerahan', width: 13 },
  { key: 'workingDays', header: 'Lama proses (hari kerja)', width: 7 },
  { key: 'status', header: 'Status', width: 12 },
] as const;

export type RegisterKey = (typeof REGISTER_COLUMNS)[number]['key'];
export type RegisterRow = Record<RegisterKey, string>;

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const registerFilterInput = z.object({
  from: field.optionalIsoDate(),
  to: field.optionalIsoDate(),
  status: z.preprocess(emptyToUndefined, z.enum(REQUEST_STATUSES).optional()),
  category: z.preprocess(emptyToUndefined, z.enum(CATEGORIES).optional()),
  channel: z.preprocess(emptyToUndefined, z.enum(CHANNELS).optional()),
  outcome: z.preprocess(emptyToUndefined, z.enum(OUTCOMES).optional()),
  /** The version for the public: without names, addresses and contacts. */
  publicVersion: field.checkbox().default(false),
});
export type RegisterFilter = z.output<typeof registerFilterInput>;

export interface Register {
  office: Office;
  filter: RegisterFilter;
  columns: (typeof REGISTER_COLUMNS)[number][];
  rows: RegisterRow[];
  /** The ISO dates behind the date columns, per row (real date cells in the XLSX). */
  dateCells: Record<string, string | null>[];
  weekdayKeys: readonly string[];
  from: string;
  to: string;
}

/** The register of an office for a period (default: this year to date), filtered. */
/** "dibayar tunai 4 Desember 2026 (bukti 12/KW)" or "belum dibayar" (issue 13 item 10). */
function paymentText(
  r: Pick<RequestRow, 'paidAt' | 'paymentMethod' | 'paymentReference'>,
  timeZone: string,
): string {
  if (!r.paidAt) return 'belum dibayar';
  const how = r.paymentMethod ? ` ${PAYMENT_METHOD_ID[r.paymentMethod] ?? r.paymentMethod}` : '';
  return `dibayar${how} ${formatDate(r.paidAt, 'id', timeZone)}${r.paymentReference ? ` (bukti ${r.paymentReference})` : ''}`;
}

export async function buildRegister(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; filter: unknown },
): Promise<Register> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.viewRequestRegister(actor, office)) throw AppError.forbidden();
  const filter = parseInput(registerFilterInput, input.filter);
  const today = localDateTime(ctx.clock.now(), office.timezone).date;
  const from = filter.from ?? `${today.slice(0, 4)}-01-01`;
  const to = filter.to ?? today;
  if (to < from) throw AppError.field('to', 'validation.endBeforeStart');
  const requests = await listRequestsForRegister(ctx.db, office.id, {
    statuses: filter.status ? [filter.status] : undefined,
    receivedFrom: instantOfLocal(`${from}T00:00`, office.timezone),
    receivedBefore: instantOfLocal(`${addCalendarDays(to, 1)}T00:00`, office.timezone),
  });
  const [extras, calendar] = await Promise.all([
    loadRegisterExtras(
      ctx.db,
      office.id,
      requests.map((r) => r.id),
    ),
    loadOfficeCalendar(ctx.db, office),
  ]);
  const tz = office.timezone;
  const rows: RegisterRow[] = [];
  const dateCells: Record<string, string | null>[] = [];
  for (const r of requests) {
    if (filter.category && r.category !== filter.category) continue;
    if (filter.channel && r.channel !== filter.channel) continue;
    const d = extras.decisions.get(r.id);
    if (filter.outcome && d?.outcome !== filter.outcome) continue;
    const x = extras.extensions.get(r.id);
    const v = extras.deliveries.get(r.id);
    const decidedOn = d ? localDateTime(d.decidedAt, tz).date : null;
    dateCells.push({ receivedDate: localDateTime(r.receivedAt, tz).date, noticeDate: decidedOn });
    rows.push({
      no: String(rows.length + 1),
      number: r.number,
      receivedDate: formatDate(r.receivedAt, 'id', tz),
      name: filter.publicVersion
        ? ''
        : r.requesterName + (r.representativeName ? ` (kuasa: ${r.representativeName})` : ''),
      address: filter.publicVersion ? '' : r.address,
      contact: filter.publicVersion ? '' : [r.phone, r.email].filter(Boolean).join(' / '),
      occupation: filter.publicVersion ? '' : (r.occupation ?? ''),
      requesterType: REQUESTER_TYPE_ID[r.requesterType],
      channel: CHANNEL_ID[r.channel],
      category: CATEGORY_ID[r.category],
      information: r.informationRequested,
      purpose: r.purpose,
      held: d
        ? d.informationHeld
          ? 'Dikuasai'
          : `Tidak dikuasai${d.holderBody ? ` (dikuasai ${d.holderBody})` : ''}`
        : '',
      formHeld: d ? d.forms.map((f) => f.toLowerCase()).join(', ') : '',
      requestType: r.accessMethods.map((m) => ACCESS_METHOD_ID[m]).join(', '),
      decision: d ? OUTCOME_ID[d.outcome] : '',
      refusalReason:
        d && (d.outcome === 'REFUSED_EXEMPT' || d.outcome === 'GRANTED_PARTIAL') && d.exemptionGround
          ? EXEMPTION_GROUND_ID[d.exemptionGround]
          : d?.outcome === 'NOT_HELD'
            ? 'Informasi tidak dikuasai'
            : '',
      noticeDate: decidedOn ? formatDateWithWeekday(decidedOn, 'id') : '',
      fee: r.feeTotal > 0 ? `${formatRupiah(r.feeTotal)}, ${paymentText(r, tz)}` : d ? 'Tanpa biaya' : '',
      extension: x ? `Ya, s.d. ${formatDate(x.newDueDate, 'id')}: ${x.reason}` : 'Tidak',
      delivery: v ? `${formatDate(v.deliveredAt, 'id', tz)}, ${DELIVERY_KIND_ID[v.kind]}` : '',
      workingDays: decidedOn
        ? String(Math.max(0, workingDaysBetween(calendar, r.receivedOn, decidedOn)))
        : '',
      status: STATUS_ID[r.status],
    });
  }
  const columns = REGISTER_COLUMNS.filter((c) => !(filter.publicVersion && 'personal' in c && c.personal));
  return { office, filter, columns, rows, dateCells, weekdayKeys: ['noticeDate'], from, to };
}
