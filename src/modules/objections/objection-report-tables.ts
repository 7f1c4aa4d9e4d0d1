import { PERIODS } from '../law/periods.ts';
import type { ObjectionReport, ReportEnding } from './build-objection-report.ts';
import { DISPUTE_STAGE_ID, groundShortId, OBJECTION_OUTCOME_ID } from './labels-id.ts';
import type { ObjectionGround } from './grounds.ts';
import type { DisputeStage } from './objection-status.ts';

const ENDING_ID: Record<ReportEnding, string> = {
  ...OBJECTION_OUTCOME_ID,
  SETTLED: 'Selesai dengan musyawarah',
  LAPSED: 'Tidak ditanggapi dalam jangka waktu',
};

/** The objection part of the service report as count tables, in Indonesian, for the PDF. */
export function objectionReportTables(r: ObjectionReport): { title: string; rows: [string, number][] }[] {
  return [
    {
      title: 'Keberatan',
      rows: [
        ['Keberatan diterima', r.received],
        [`Diajukan setelah batas waktu ${PERIODS.objectionFiling.days} hari kerja`, r.late],
        ['Permohonan penyelesaian sengketa ke Komisi Informasi', r.disputesFiled],
      ],
    },
    {
      title: 'Keberatan menurut alasan (UU No. 14 Tahun 2008 Pasal 35 ayat (1))',
      rows: Object.entries(r.byGround).map(([g, n]) => [groundShortId(g as ObjectionGround), n]),
    },
    {
      title: 'Penyelesaian keberatan pada periode ini',
      rows: Object.entries(r.byOutcome).map(([k, n]) => [ENDING_ID[k as ReportEnding], n]),
    },
    {
      title: 'Sengketa informasi menurut tahap',
      rows: Object.entries(r.disputesByStage).map(([k, n]) => [DISPUTE_STAGE_ID[k as DisputeStage], n]),
    },
  ];
}
