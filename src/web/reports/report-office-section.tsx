import type { Translate } from '../../platform/i18n.ts';
import type { Office } from '../../modules/offices/queries.ts';

/** The office page's "Laporan layanan informasi" section: statistics and annual reports. */
export function OfficeReportsArticle({ t, office }: { t: Translate; office: Pick<Office, 'slug'> }) {
  return (
    <article>
      <h3>{t('office.section.reports')}</h3>
      <ul>
        <li>
          <a href={`/${office.slug}/statistik`}>{t('stats.link')}</a>
        </li>
      </ul>
    </article>
  );
}
