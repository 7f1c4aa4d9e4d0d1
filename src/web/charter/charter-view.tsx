import type { CharterLine, ServiceCharter } from '../../modules/offices/charter.ts';
import type { Locale, Translate } from '../../platform/i18n.ts';

// The Maklumat Pelayanan as HTML: the public page and the PPID's preview draw the same article.
// The PPID's texts are printed as typed (the office's Indonesian document); the lines drawn from
// the settings follow the page's language.

const pick = (l: CharterLine, locale: Locale) => (locale === 'en' ? l.en : l.id);

export function CharterArticle(props: { t: Translate; locale: Locale; charter: ServiceCharter }) {
  const { t, locale, charter: c } = props;
  return (
    <article class="charter" lang="id">
      <link rel="stylesheet" href="/assets/charter.css" />
      <section aria-labelledby="charter-legal">
        <h2 id="charter-legal">1. {t('charter.section.legalBases')}</h2>
        <ol>
          {c.legalBases.map((b) => (
            <li>{b}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="charter-procedure">
        <h2 id="charter-procedure">2. {t('charter.section.procedure')}</h2>
        <ol>
          {c.procedure.map((p) => (
            <li>{p}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="charter-times" lang={locale}>
        <h2 id="charter-times">3. {t('charter.section.times')}</h2>
        <ul>
          <li>
            <strong>{t('charter.serviceHours')}:</strong> {pick(c.serviceHours, locale)}
          </li>
          {c.times.map((l) => (
            <li>{pick(l, locale)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="charter-fees" lang={locale}>
        <h2 id="charter-fees">4. {t('charter.section.fees')}</h2>
        <ul>
          {c.fees.map((l) => (
            <li>{pick(l, locale)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="charter-guarantee">
        <h2 id="charter-guarantee">5. {t('charter.section.guarantee')}</h2>
        <blockquote class="charter-guarantee">{c.guarantee}</blockquote>
      </section>
      <section aria-labelledby="charter-evaluation">
        <h2 id="charter-evaluation">6. {t('charter.section.evaluation')}</h2>
        <p>{c.evaluation}</p>
      </section>
      <section aria-labelledby="charter-complaints">
        <h2 id="charter-complaints">7. {t('charter.section.complaints')}</h2>
        <p>{c.complaints}</p>
        <ul lang={locale}>
          {c.objections.map((l) => (
            <li>{pick(l, locale)}</li>
          ))}
          {c.contact.length > 0 ? (
            <li>
              <strong>{t('charter.contact')}:</strong> {c.contact.join(' · ')}
            </li>
          ) : null}
        </ul>
      </section>
      <section aria-labelledby="charter-accessibility">
        <h2 id="charter-accessibility">8. {t('charter.section.accessibility')}</h2>
        <p>{c.accessibility}</p>
      </section>
      <footer class="charter-signature">
        <p>{c.signer.placeAndDate}</p>
        <p>
          {c.signer.position},
          <br />
          {t('charter.signedAs')}
        </p>
        <p class="charter-signer">
          <strong>{c.signer.name ?? '(……………………………………)'}</strong>
          {c.signer.nip ? (
            <>
              <br />
              NIP {c.signer.nip}
            </>
          ) : null}
        </p>
      </footer>
    </article>
  );
}

/** The PDF links: A4 for the file, A3 for the notice board. */
export function CharterDownloads(props: { t: Translate; slug: string }) {
  const base = `/${props.slug}/maklumat-pelayanan.pdf`;
  return (
    <p class="toolbar no-print">
      <a href={base}>{props.t('charter.pdfA4')}</a>
      <a href={`${base}?ukuran=a3`}>{props.t('charter.pdfA3')}</a>
    </p>
  );
}
