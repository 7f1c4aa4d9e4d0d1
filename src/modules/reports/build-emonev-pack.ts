import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDate, type Translate } from '../../platform/i18n.ts';
import { createPdf, drawLetterhead, drawTable, numberPages, pdfToBuffer } from '../../platform/pdf/pdf.ts';
import { zipBuffers, type ZipEntry } from '../../platform/zip.ts';
import { systemActor, type Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can, canReports } from '../access/permissions.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { publishedDocumentOfYear } from '../dip/dip-document.ts';
import { renderDipPdf } from '../dip/render-dip-pdf.ts';
import { renderDikPdfFor } from '../exemptions/exemption-documents.ts';
import { letterheadOf } from '../offices/letterhead.ts';
import { findOfficeById, getOfficeSettings, type Office } from '../offices/queries.ts';
import { buildRegister } from '../requests/build-register.ts';
import { renderRegisterPdf } from '../requests/pdf/register-pdf.ts';
import { listSops, listSopSteps } from '../sops/queries.ts';
import { renderSopPdf } from '../sops/render-sop-pdf.ts';
import { annualReportPdf } from './annual-report-files.ts';
import { findAnnualReport, officesWithDikInForce } from './annual-report-queries.ts';
import { buildAnnualReportSnapshot } from './annual-report-snapshot.ts';
import { officeStatistics, statisticsCsv } from './public-statistics.ts';

// The e-Monev evidence pack (regulation.md §7.4, ADR 0063): for the Komisi Informasi's yearly
// self-assessment, the evidence Terbuka holds per indicator, as one ZIP with an index PDF, and
// the checklist of what is there and what is missing (with where to add it).

/** The six 2025 indicators and their weights (KI e-Monev). */
export const EMONEV_INDICATORS = [
  { key: 'quality', weight: 10 },
  { key: 'facilities', weight: 10 },
  { key: 'types', weight: 40 },
  { key: 'service', weight: 10 },
  { key: 'commitment', weight: 10 },
  { key: 'digital', weight: 20 },
] as const;
export type EmonevIndicator = (typeof EMONEV_INDICATORS)[number]['key'];

/** Evidence files must stay under the portal's upload limit. */
export const EMONEV_MAX_BYTES = 2 * 1024 * 1024;

export interface ChecklistItem {
  key: string;
  indicator: EmonevIndicator;
  present: boolean;
  /** Files of the pack for this item. */
  files: string[];
  /** The staff page where the missing evidence is added (path under /staff/{office}/). */
  fixAt: string;
  /** Any file above the 2 MB the portal accepts. */
  tooLarge: boolean;
}

export interface EmonevPack {
  office: Office;
  year: number;
  items: ChecklistItem[];
  entries: ZipEntry[];
}

async function mayRead(ctx: Ctx, actor: Actor, officeId: string): Promise<Office> {
  const office = await findOfficeById(ctx.db, officeId);
  if (!office) throw AppError.notFound();
  if (!canReports.viewAnnualReport(actor, office) && !can.overseeOffice(actor, office))
    throw AppError.forbidden();
  return office;
}

/**
 * Collects the evidence. `t` is the Indonesian translation (the pack goes to the Komisi
 * Informasi); `withFiles: false` only checks presence (the checklist page).
 */
export async function buildEmonevPack(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; year: number; t: Translate; withFiles: boolean },
): Promise<EmonevPack> {
  const office = await mayRead(ctx, actor, input.officeId);
  const { year, t } = input;
  const now = ctx.clock.now();
  const today = localDateTime(now, office.timezone).date;
  const items: ChecklistItem[] = [];
  const entries: ZipEntry[] = [];
  const add = (
    key: string,
    indicator: EmonevIndicator,
    fixAt: string,
    files: ZipEntry[],
    present = files.length > 0,
  ) => {
    items.push({
      key,
      indicator,
      present,
      files: files.map((f) => f.name),
      fixAt,
      tooLarge: files.some((f) => f.bytes.length > EMONEV_MAX_BYTES),
    });
    entries.push(...files);
  };
  const lazy = async (name: string, make: () => Promise<Buffer>): Promise<ZipEntry[]> => [
    { name, bytes: input.withFiles ? await make() : Buffer.alloc(0) },
  ];

  // Organisational commitment: the SK PPID and who holds the roles.
  const snapshot = await buildAnnualReportSnapshot(ctx.db, now, office, year, { by: null, on: null });
  const hasSk = ['PPID', 'ATASAN_PPID'].every((role) =>
    snapshot.people.some((p) => p.role === role && p.decreeNumber),
  );
  const settings = await getOfficeSettings(ctx.db, office.id);
  add(
    'sk',
    'commitment',
    'pengguna',
    snapshot.people.length > 0
      ? await lazy('01-komitmen/sk-ppid-dan-pengelola.pdf', async () => {
          const pdf = createPdf({ title: `Susunan PPID ${office.name} ${year}` });
          drawLetterhead(pdf, letterheadOf(office, settings));
          pdf.font('bold').fontSize(12).text(t('emonev.doc.people', { year }), { align: 'center' });
          pdf.moveDown(0.5);
          drawTable(
            pdf,
            [
              { header: t('annual.col.name'), width: 4 },
              { header: t('annual.col.role'), width: 3 },
              { header: t('annual.col.decree'), width: 4 },
            ],
            snapshot.people.map((p) => [
              p.name,
              t(`role.${p.role}`),
              [p.decreeNumber, p.decreeDate].filter(Boolean).join(', ') || '–',
            ]),
            { fontSize: 9 },
          );
          return pdfToBuffer(pdf);
        })
      : [],
    hasSk,
  );

  // Types of information: the DIP of the year and the DIK in force.
  const dip = await publishedDocumentOfYear(ctx.db, office, year);
  add(
    'dip',
    'types',
    'dip',
    dip ? await lazy(`02-jenis-informasi/dip-${year}.pdf`, () => renderDipPdf(dip)) : [],
  );
  const dikOffices = await officesWithDikInForce(ctx.db);
  add(
    'dik',
    'types',
    'informasi-dikecualikan',
    dikOffices.has(office.id)
      ? await lazy('02-jenis-informasi/dik.pdf', () => renderDikPdfFor(ctx.db, office, today))
      : [],
  );

  // Information service: the SOPs, the annual report, the register.
  const sops = await listSops(ctx.db, office.id, true);
  const sopFiles: ZipEntry[] = [];
  for (const sop of sops) {
    sopFiles.push(
      ...(await lazy(`04-layanan/sop-${sop.slug}.pdf`, async () =>
        renderSopPdf({
          sop,
          steps: await listSopSteps(ctx.db, office.id, sop.id),
          letterhead: letterheadOf(office, settings),
        }),
      )),
    );
  }
  add('sop', 'service', 'sop', sopFiles);
  const report = await findAnnualReport(ctx.db, office.id, year);
  const published = report?.status === 'PUBLISHED' ? report : undefined;
  add(
    'annualReport',
    'quality',
    `laporan-tahunan/${year}`,
    published
      ? await lazy(`03-kualitas/laporan-tahunan-${year}.pdf`, () =>
          annualReportPdf(ctx.db, office, published, t),
        )
      : [],
  );
  // The register is read as the office itself would print its public version (no personal data).
  const register = await buildRegister(ctx, systemActor('e-monev'), {
    officeId: office.id,
    filter: { from: `${year}-01-01`, to: `${year}-12-31`, publicVersion: 'on' },
  });
  add(
    'register',
    'service',
    'register',
    await lazy(`04-layanan/register-permohonan-${year}.pdf`, () => renderRegisterPdf(register, now)),
    true,
  );

  // Digitalisation: open statistics.
  const stats = await officeStatistics(ctx.db, now, office, year, 'office');
  add(
    'statistics',
    'digital',
    'laporan',
    await lazy(`06-digitalisasi/statistik-${year}.csv`, async () => statisticsCsv(stats)),
    stats.figures.requests.received > 0,
  );

  // Facilities (service room, disability access, the PPID menu) are not records Terbuka holds.
  items.push({
    key: 'facilities',
    indicator: 'facilities',
    present: false,
    files: [],
    fixAt: '',
    tooLarge: false,
  });

  if (input.withFiles) {
    const index = await indexPdf(office, year, items, t, letterheadOf(office, settings), today);
    entries.unshift({ name: '00-indeks.pdf', bytes: index });
  }
  return { office, year, items, entries };
}

async function indexPdf(
  office: Office,
  year: number,
  items: ChecklistItem[],
  t: Translate,
  letterhead: ReturnType<typeof letterheadOf>,
  today: string,
): Promise<Buffer> {
  const pdf = createPdf({ title: t('emonev.title', { year }) });
  drawLetterhead(pdf, letterhead);
  pdf.font('bold').fontSize(12).text(t('emonev.title', { year }), { align: 'center' });
  pdf
    .font('regular')
    .fontSize(10)
    .text(`${office.name} — ${formatDate(today, 'id')}`, { align: 'center' });
  pdf.moveDown(0.6);
  drawTable(
    pdf,
    [
      { header: t('emonev.col.indicator'), width: 3 },
      { header: t('emonev.col.evidence'), width: 5 },
      { header: t('emonev.col.status'), width: 2 },
      { header: t('emonev.col.files'), width: 5 },
    ],
    items.map((i) => [
      `${t(`emonev.indicator.${i.indicator}`)} (${EMONEV_INDICATORS.find((x) => x.key === i.indicator)!.weight}%)`,
      t(`emonev.item.${i.key}`),
      i.present ? t('emonev.present') : t('emonev.missing'),
      i.files.join('\n') || '–',
    ]),
    { fontSize: 8.5 },
  );
  numberPages(pdf, (p, n) => `${t('emonev.title', { year })} — ${p}/${n}`);
  return pdfToBuffer(pdf);
}

/** The ZIP of the pack; the download is recorded in the office's audit trail. */
export async function emonevZip(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; year: number; t: Translate; by?: string },
): Promise<{ pack: EmonevPack; bytes: Buffer }> {
  const pack = await buildEmonevPack(ctx, actor, { ...input, withFiles: true });
  const bytes = await zipBuffers(pack.entries, ctx.clock.now());
  await ctx.db.transaction(async (tx) => {
    await auditAs(
      tx,
      actor,
      {
        officeId: pack.office.id,
        action: input.by ? 'oversight.viewed' : 'emonev.downloaded',
        entityType: 'office',
        entityId: pack.office.id,
        after: { what: 'emonev', year: input.year, ...(input.by ? { by: input.by } : {}) },
      },
      ctx.clock.now(),
    );
  });
  return { pack, bytes };
}
