import type { Db } from '../../platform/db/database.ts';
import { formatDate, type Translate } from '../../platform/i18n.ts';
import { letterCity, letterheadOf } from '../offices/letterhead.ts';
import { getOfficeSettings, type Office } from '../offices/queries.ts';
import { annualReportSections, type AnnualReportSnapshot } from './annual-report-document.ts';
import type { AnnualReport } from './annual-report-queries.ts';
import { renderAnnualReportDocx } from './render-annual-report-docx.ts';
import { renderAnnualReportPdf } from './render-annual-report-pdf.ts';

// The published annual report's PDF and DOCX, in Indonesian (the official language of the
// document), from the snapshot frozen at approval.

export function snapshotOf(report: AnnualReport): AnnualReportSnapshot {
  return report.snapshot as AnnualReportSnapshot;
}

async function parts(db: Db, office: Office, report: AnnualReport, t: Translate) {
  const snapshot = snapshotOf(report);
  const settings = await getOfficeSettings(db, office.id);
  const sections = annualReportSections(snapshot, report.texts, t, 'id');
  const title = t('annual.docTitle', { year: report.year });
  const subtitle = office.name;
  const signature = {
    note: t('annual.approvedNote', { year: report.year }),
    placeAndDate: `${letterCity(office, settings)}, ${snapshot.approvedOn ? formatDate(snapshot.approvedOn, 'id') : ''}`,
    title: `${t('role.ATASAN_PPID')} ${office.name},`,
    name: snapshot.approvedBy ?? '',
  };
  return { settings, sections, title, subtitle, signature };
}

export async function annualReportPdf(
  db: Db,
  office: Office,
  report: AnnualReport,
  t: Translate,
): Promise<Buffer> {
  const p = await parts(db, office, report, t);
  return renderAnnualReportPdf({
    letterhead: letterheadOf(office, p.settings),
    title: p.title,
    subtitle: p.subtitle,
    sections: p.sections,
    signature: p.signature,
    footer: (page, total) => `${p.title} — ${office.name} — ${t('annual.page', { page, total })}`,
  });
}

export async function annualReportDocx(
  db: Db,
  office: Office,
  report: AnnualReport,
  t: Translate,
): Promise<Buffer> {
  const p = await parts(db, office, report, t);
  const head = letterheadOf(office, p.settings);
  return renderAnnualReportDocx({
    letterheadLines: head.titleLines,
    letterheadContact: [head.address, head.contactLine].filter(Boolean).join(' · ') || null,
    logoPng: null,
    title: p.title,
    subtitle: p.subtitle,
    sections: p.sections,
    signature: p.signature,
  });
}
