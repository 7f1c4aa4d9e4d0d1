import type { Db } from '../../platform/db/database.ts';
import type { Translate } from '../../platform/i18n.ts';
import type { DipCategory } from '../../modules/dip/model.ts';
import {
  countPublishedByCategory,
  findCurrentVersion,
  searchPublished,
  type PublicHit,
  type Version,
} from '../../modules/dip/queries.ts';
import type { Office } from '../../modules/offices/queries.ts';

// The office page's DIP sections (DIP, berkala, serta-merta, setiap saat), filled from the
// office's published DIP — never from drafts.

export interface DipSections {
  version: Version;
  counts: Record<DipCategory, number>;
  top: Record<DipCategory, PublicHit[]>;
}

const CATEGORIES: DipCategory[] = ['BERKALA', 'SERTA_MERTA', 'SETIAP_SAAT'];

export async function loadDipSections(db: Db, office: Office): Promise<DipSections | null> {
  const version = await findCurrentVersion(db, office.id);
  if (!version) return null;
  const [counts, ...tops] = await Promise.all([
    countPublishedByCategory(db, office.id, version.id),
    ...CATEGORIES.map((category) =>
      searchPublished(db, { officeId: office.id, version, category, limit: 5, offset: 0, withTotal: false }),
    ),
  ]);
  return {
    version,
    counts,
    top: Object.fromEntries(CATEGORIES.map((c, i) => [c, tops[i]!.hits])) as Record<DipCategory, PublicHit[]>,
  };
}

const SECTION_KEY: Record<DipCategory, string> = {
  BERKALA: 'office.section.berkala',
  SERTA_MERTA: 'office.section.sertaMerta',
  SETIAP_SAAT: 'office.section.setiapSaat',
};

export function DipSectionArticles({
  t,
  office,
  sections,
}: {
  t: Translate;
  office: Office;
  sections: DipSections | null;
}) {
  const base = `/${office.slug}/dip`;
  return (
    <>
      <article>
        <h3>
          <a href={base}>{t('office.section.dip')}</a>
        </h3>
        {sections ? (
          <>
            <p>
              {t('dip.office.live', { year: sections.version.year, n: sections.version.entryCount })}{' '}
              {sections.version.decreeNumber
                ? t('dip.office.decree', { number: sections.version.decreeNumber })
                : ''}
            </p>
            <p>
              <a href={base}>{t('dip.office.all')}</a> ·{' '}
              <a href={`${base}/${sections.version.year}/dip.pdf`}>PDF</a>
            </p>
          </>
        ) : (
          <p class="muted">{t('office.empty')}</p>
        )}
      </article>
      {CATEGORIES.map((c) => (
        <article>
          <h3>{t(SECTION_KEY[c])}</h3>
          {sections && sections.counts[c] > 0 ? (
            <>
              <ul>
                {sections.top[c].map((h) => (
                  <li>
                    <a href={`${base}/${h.year}/${h.entryKey}`}>{h.documentTitle}</a>
                  </li>
                ))}
              </ul>
              <p>
                <a href={`${base}?kategori=${c}`}>{t('dip.office.more', { n: sections.counts[c] })}</a>
              </p>
            </>
          ) : (
            <p class="muted">{t('office.empty')}</p>
          )}
        </article>
      ))}
    </>
  );
}
