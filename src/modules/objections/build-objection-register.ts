import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDate, formatDateWithWeekday } from '../../platform/i18n.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canObjections } from '../access/permissions.ts';
import { addCalendarDays, instantOfLocal, localDateTime } from '../calendar/working-days.ts';
import type { Office } from '../offices/queries.ts';
import type { RegisterTable } from '../requests/register-export.ts';
import { activeOffice } from '../requests/request-steps.ts';
import { OBJECTION_GROUNDS } from './grounds.ts';
import {
  DISPUTE_OUTCOME_ID,
  DISPUTE_STAGE_ID,
  OBJECTION_CHANNEL_ID,
  OBJECTION_OUTCOME_ID,
  OBJECTION_STATUS_ID,
  REACTION_ID,
} from './labels-id.ts';
import { OBJECTION_OUTCOMES, OBJECTION_STATUSES } from './objection-status.ts';
import { listObjectionsForRegister, loadObjectionExtras } from './queries.ts';

// Register Keberatan, Model PPID-G: every column of regulation.md §4.2 (Perki 1/2010 register,
// Kep. KPU 156/2015) — registration number, date received, identity of the requester and the
// attorney, request number, information requested, purpose, ground, the Atasan PPID's decision,
// day/date of the answer, name and position of the Atasan PPID, the requester's reaction — plus
// channel, late flag, due date, dispute and status.

export const OBJECTION_REGISTER_COLUMNS = [
  { key: 'no', header: 'No.', width: 4 },
  { key: 'number', header: 'Nomor registrasi keberatan', width: 14 },
  { key: 'receivedDate', header: 'Tanggal diterima', width: 11 },
  { key: 'channel', header: 'Cara pengajuan', width: 9 },
  { key: 'requester', header: 'Identitas pemohon', width: 16, personal: true },
  { key: 'attorney', header: 'Identitas kuasa pemohon', width: 13, personal: true },
  { key: 'requestNumber', header: 'Nomor pendaftaran permohonan', width: 14 },
  { key: 'information', header: 'Informasi yang diminta', width: 20 },
  { key: 'purpose', header: 'Tujuan penggunaan informasi', width: 14 },
  { key: 'grounds', header: 'Alasan keberatan (Pasal 35 ayat (1))', width: 12 },
  { key: 'late', header: 'Diajukan setelah batas waktu', width: 9 },
  { key: 'dueDate', header: 'Batas tanggapan', width: 10 },
  { key: 'decision', header: 'Keputusan Atasan PPID', width: 15 },
  { key: 'answerDate', header: 'Hari/tanggal tanggapan', width: 13 },
  { key: 'atasan', header: 'Nama dan jabatan Atasan PPID', width: 14 },
  { key: 'reaction', header: 'Tanggapan pemohon', width: 12 },
  { key: 'dispute', header: 'Sengketa informasi', width: 16 },
  { key: 'status', header: 'Status', width: 12 },
] as const;

export type ObjectionRegisterKey = (typeof OBJECTION_REGISTER_COLUMNS)[number]['key'];
export type ObjectionRegisterRow = Record<ObjectionRegisterKey, string>;

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const objectionRegisterFilter = z.object({
  from: field.optionalIsoDate(),
  to: field.optionalIsoDate(),
  status: z.preprocess(emptyToUndefined, z.enum(OBJECTION_STATUSES).optional()),
  outcome: z.preprocess(emptyToUndefined, z.enum(OBJECTION_OUTCOMES).optional()),
  ground: z.preprocess(emptyToUndefined, z.enum(OBJECTION_GROUNDS).optional()),
  /** Without names, addresses and contacts. */
  publicVersion: field.checkbox().default(false),
});
export type ObjectionRegisterFilter = z.output<typeof objectionRegisterFilter>;

export interface ObjectionRegister extends RegisterTable {
  office: Office;
  filter: ObjectionRegisterFilter;
  columns: (typeof OBJECTION_REGISTER_COLUMNS)[number][];
  rows: ObjectionRegisterRow[];
}

/** The objection register of an office for a period (default: this year to date), filtered. */
export async function buildObjectionRegister(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; filter: unknown },
): Promise<ObjectionRegister> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canObjections.viewObjectionRegister(actor, office)) throw AppError.forbidden();
  const filter = parseInput(objectionRegisterFilter, input.filter);
  const today = localDateTime(ctx.clock.now(), office.timezone).date;
  const from = filter.from ?? `${today.slice(0, 4)}-01-01`;
  const to = filter.to ?? today;
  if (to < from) throw AppError.field('to', 'validation.endBeforeStart');
  const list = await listObjectionsForRegister(ctx.db, office.id, {
    statuses: filter.status ? [filter.status] : undefined,
    receivedFrom: instantOfLocal(`${from}T00:00`, office.timezone),
    receivedBefore: instantOfLocal(`${addCalendarDays(to, 1)}T00:00`, office.timezone),
  });
  const extras = await loadObjectionExtras(
    ctx.db,
    office.id,
    list.map((o) => o.id),
  );
  const tz = office.timezone;
  const pub = filter.publicVersion;
  const rows: ObjectionRegisterRow[] = [];
  const dateCells: Record<string, string | null>[] = [];
  for (const o of list) {
    const d = extras.decisions.get(o.id);
    const s = extras.disputes.get(o.id);
    if (filter.outcome && d?.outcome !== filter.outcome) continue;
    if (filter.ground && !o.grounds.includes(filter.ground)) continue;
    const decision = d
      ? OBJECTION_OUTCOME_ID[d.outcome]
      : o.settledAt
        ? `Selesai dengan musyawarah: ${o.settlement ?? ''}`
        : o.status === 'LAPSED' || (o.lapsedAt && !d)
          ? 'Tidak ditanggapi dalam jangka waktu'
          : '';
    const answeredAt = d?.decidedAt ?? o.settledAt;
    dateCells.push({
      receivedDate: localDateTime(o.receivedAt, tz).date,
      answerDate: answeredAt ? localDateTime(answeredAt, tz).date : null,
    });
    rows.push({
      no: String(rows.length + 1),
      number: o.number,
      receivedDate: formatDate(o.receivedAt, 'id', tz),
      channel: OBJECTION_CHANNEL_ID[o.channel],
      requester: pub
        ? ''
        : [
            o.requesterName,
            o.requesterAddress,
            o.requesterOccupation,
            [o.requesterPhone, o.requesterEmail].filter(Boolean).join(' / '),
          ]
            .filter(Boolean)
            .join('; '),
      attorney: pub
        ? ''
        : o.attorneyName
          ? [o.attorneyName, o.attorneyAddress, o.attorneyPhone].filter(Boolean).join('; ')
          : '-',
      requestNumber: o.requestNumber,
      information: o.informationRequested,
      purpose: o.purpose,
      grounds: o.grounds.map((g) => `huruf ${g}`).join(', '),
      late: o.late ? `Ya (huruf ${o.lateGrounds.join(', ')})` : 'Tidak',
      dueDate: [
        formatDate(o.dueDate, 'id'),
        ...(o.status === 'REGISTERED'
          ? o.dueExplanation.warnings.map((w) => `(daftar libur ${w.year} belum dimuat; dapat berubah)`)
          : []),
      ].join(' '),
      decision: d?.reasons ? `${decision}. Alasan: ${d.reasons}` : decision,
      answerDate: answeredAt ? formatDateWithWeekday(localDateTime(answeredAt, tz).date, 'id') : '',
      atasan: d ? `${d.officerName}, ${d.officerPosition}` : o.settledAt ? (o.settledBy ?? '') : '',
      reaction: o.reaction ? REACTION_ID[o.reaction] : '',
      dispute: s
        ? [
            s.commissionName,
            s.registrationNumber,
            s.outcome ? DISPUTE_OUTCOME_ID[s.outcome] : DISPUTE_STAGE_ID[s.stage],
          ].join('; ')
        : '',
      status: OBJECTION_STATUS_ID[o.status],
    });
  }
  const columns = OBJECTION_REGISTER_COLUMNS.filter((c) => !(pub && 'personal' in c && c.personal));
  return {
    office,
    filter,
    columns,
    rows,
    dateCells,
    weekdayKeys: ['answerDate'],
    from,
    to,
    title: 'REGISTER KEBERATAN (MODEL PPID-G)',
    sheetName: 'Register PPID-G',
    numericKeys: ['no'],
  };
}
