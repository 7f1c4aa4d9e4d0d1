import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { formatDate, formatDateTime } from '../../platform/i18n.ts';
import { readFileContent } from '../../platform/storage/file-store.ts';
import { redactedFiles } from '../../modules/redaction/redaction-record.ts';
import { publicCopy } from '../../modules/redaction/public-release.ts';
import { publicDocuments, publicFile } from '../../modules/archive/public-archive.ts';
import { atomFeed } from '../../modules/dip/atom-feed.ts';
import { formatAvailableForms } from '../../modules/dip/available-forms.ts';
import { diffDipYears } from '../../modules/dip/diff-dip-years.ts';
import { CATEGORY_HEADINGS, publishedDocumentOfYear } from '../../modules/dip/dip-document.ts';
import {
  findCurrentVersion,
  findPublishedEntry,
  findVersionOfYear,
  latestChangedEntries,
  searchPublished,
  type PublicHit,
} from '../../modules/dip/queries.ts';
import { renderDecreePdf } from '../../modules/dip/render-decree-pdf.ts';
import { buildSearchTerms } from '../../modules/dip/search-query.ts';
import { exemptDip, withoutExempt } from '../exemptions/exempt-dip.ts';
import { findOfficeBySlug, type Office } from '../../modules/offices/queries.ts';
import { PublicLayout } from '../shared/layout.tsx';
import { pageCtx, sendPage } from '../render.tsx';
import {
  cachedCurrentVersion,
  cachedExemptDip,
  cachedOfficeBySlug,
  cachedPublishedEntry,
  cachedPublishedYears,
  officeIndex,
  publicView,
  sendCachedPage,
  sendPublicPage,
} from '../portal/public-cache.ts';
import { DiffView } from './diff-view.tsx';
import { sendDipExport } from './dip-document-routes.tsx';
import { sendPdf } from './dip-cycle-routes.tsx';
import {
  categoryBadge,
  Hit,
  Pager,
  PAGE_SIZE,
  publicQuery,
  queryHref,
  SearchForm,
} from './dip-public-parts.tsx';

// The public DIP: national search (/dip), each office's published DIP with search, browse by
// category and year, entry pages with downloads, exports, the decree and an Atom feed. Only
// published versions are read; archive files only of approved, non-exempt items.

async function officeOr404(db: Parameters<typeof findOfficeBySlug>[0], slug: string): Promise<Office> {
  const office = await findOfficeBySlug(db, slug);
  if (!office || !office.active) throw AppError.notFound();
  return office;
}

const yearParam = (v: string) => {
  const y = z.coerce.number().int().min(2000).max(2100).safeParse(v);
  if (!y.success) throw AppError.notFound();
  return y.data;
};
const keyParam = (v: string) => {
  const k = z.uuid().safeParse(v);
  if (!k.success) throw AppError.notFound();
  return k.data;
};

export async function dipPublicRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.services.database;
  const { files, config } = app.services;
  const publicCache = (reply: FastifyReply) => reply.header('cache-control', 'public, max-age=60');

  app.get('/dip', async (req, reply) => {
    const view = await publicView(db);
    if (await sendCachedPage(view, req, reply)) return reply;
    const q = publicQuery.parse(req.query);
    const terms = buildSearchTerms(q.q);
    const page = q.hal ?? 1;
    const { hits, total, totalCapped } =
      terms || q.kategori || q.pemilu
        ? await searchPublished(db, {
            terms,
            category: q.kategori,
            election: q.pemilu ? true : undefined,
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
            exclude: (await exemptDip(db)).list,
          })
        : { hits: [] as PublicHit[], total: 0, totalCapped: false };
    const offices = (await officeIndex(view, db)).byId;
    const c = pageCtx(req, reply);
    const { t } = c;
    const asked = Boolean(terms || q.kategori || q.pemilu);
    return sendPublicPage(
      view,
      req,
      reply,
      <PublicLayout
        ctx={c}
        title={t('dipPublic.nationalTitle')}
        breadcrumbs={[{ href: '/', label: t('nav.home') }]}
      >
        <hgroup>
          <h1>{t('dipPublic.nationalTitle')}</h1>
          <p>{t('dipPublic.nationalLead')}</p>
        </hgroup>
        <SearchForm t={t} action="/dip" q={q} label={t('dipPublic.searchNational')} />
        {asked ? (
          <section aria-live="polite">
            <h2>{t(totalCapped ? 'dipPublic.resultsMore' : 'dipPublic.results', { n: total })}</h2>
            {hits.length === 0 ? (
              <p>{t('dipPublic.noResults')}</p>
            ) : (
              <ol class="dip-hits">
                {hits.map((h) => (
                  <Hit t={t} hit={h} office={offices.get(h.officeId)} showOffice />
                ))}
              </ol>
            )}
            <Pager t={t} base="/dip" q={q} total={total} />
          </section>
        ) : null}
      </PublicLayout>,
    );
  });

  app.get<{ Params: { office: string } }>('/:office/dip', async (req, reply) => {
    const view = await publicView(db);
    if (await sendCachedPage(view, req, reply)) return reply;
    const office = await cachedOfficeBySlug(view, db, req.params.office);
    if (!office || !office.active) throw AppError.notFound();
    const q = publicQuery.parse(req.query);
    const terms = buildSearchTerms(q.q);
    const page = q.hal ?? 1;
    const [years, live, exempt] = await Promise.all([
      cachedPublishedYears(view, db, office.id),
      cachedCurrentVersion(view, db, office.id),
      exemptDip(db, office.id),
    ]);
    // The live version needs no second look-up; another year is its final version.
    const version = q.tahun === undefined ? live : await findVersionOfYear(db, office.id, q.tahun);
    const { hits, total, totalCapped } = version
      ? await searchPublished(db, {
          officeId: office.id,
          year: q.tahun,
          version,
          category: q.kategori,
          election: q.pemilu ? true : undefined,
          terms,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
          exclude: exempt.list,
        })
      : { hits: [] as PublicHit[], total: 0, totalCapped: false };
    const c = pageCtx(req, reply);
    const { t } = c;
    const base = `/${office.slug}/dip`;
    return sendPublicPage(
      view,
      req,
      reply,
      <PublicLayout
        ctx={c}
        title={t('dipPublic.officeTitle', { office: office.name })}
        breadcrumbs={[
          { href: '/', label: t('nav.home') },
          { href: `/${office.slug}`, label: office.name },
        ]}
      >
        <hgroup>
          <h1>{t('dipPublic.officeTitle', { office: office.name })}</h1>
          <p>{t('dipPublic.officeLead')}</p>
        </hgroup>
        {version ? (
          <>
            <p>
              {version.decreeNumber
                ? t('dipPublic.setBy', {
                    year: version.year,
                    number: version.decreeNumber,
                    date: version.decreeDate ? formatDate(version.decreeDate, c.locale) : '',
                  })
                : t('dipPublic.publishedOn', {
                    year: version.year,
                    date: formatDateTime(version.publishedAt, c.locale, office.timezone),
                  })}
            </p>
            <p class="toolbar">
              {t('dipPublic.download')}: <a href={`${base}/${version.year}/dip.pdf`}>PDF</a> ·{' '}
              <a href={`${base}/${version.year}/dip.xlsx`}>XLSX</a> ·{' '}
              <a href={`${base}/${version.year}/dip.csv`}>CSV</a>
              {version.decreeNumber ? (
                <>
                  {' '}
                  · <a href={`${base}/${version.year}/keputusan.pdf`}>{t('dip.doc.decree')}</a>
                </>
              ) : null}{' '}
              · <a href={`${base}/atom.xml`}>{t('dipPublic.feed')}</a>
              {years.length > 1 ? (
                <>
                  {' '}
                  ·{' '}
                  <a href={`${base}/perbandingan?dari=${years[1]}&ke=${years[0]}`}>
                    {t('dipPublic.changes', { from: years[1]!, to: years[0]! })}
                  </a>
                </>
              ) : null}
            </p>
            <nav aria-label={t('dip.field.category')} class="category-tabs">
              <a
                href={queryHref(base, q, { kategori: undefined, hal: undefined })}
                aria-current={q.kategori ? undefined : 'page'}
              >
                {t('dipPublic.allCategories')}
              </a>
              {(['BERKALA', 'SERTA_MERTA', 'SETIAP_SAAT'] as const).map((cat) => (
                <a
                  href={queryHref(base, q, { kategori: cat, hal: undefined })}
                  aria-current={q.kategori === cat ? 'page' : undefined}
                >
                  {t(`dip.category.${cat}`)}
                </a>
              ))}
            </nav>
            <SearchForm t={t} action={base} q={q} years={years} label={t('dipPublic.searchOffice')} />
            <section aria-live="polite">
              <h2>
                {terms
                  ? t(totalCapped ? 'dipPublic.resultsMore' : 'dipPublic.results', { n: total })
                  : q.kategori
                    ? CATEGORY_HEADINGS[q.kategori]
                    : t('dipPublic.entries', { n: total, year: version.year })}
              </h2>
              {hits.length === 0 ? (
                <p>{t('dipPublic.noResults')}</p>
              ) : (
                <ol class="dip-hits">
                  {hits.map((h) => (
                    <Hit t={t} hit={h} office={office} showOffice={false} />
                  ))}
                </ol>
              )}
              <Pager t={t} base={base} q={q} total={total} />
            </section>
          </>
        ) : (
          <p class="notice">{t('dipPublic.nothingYet')}</p>
        )}
      </PublicLayout>,
    );
  });

  app.get<{ Params: { office: string } }>('/:office/dip/atom.xml', async (req, reply) => {
    const office = await officeOr404(db, req.params.office);
    const [live, changed, exempt] = await Promise.all([
      findCurrentVersion(db, office.id),
      latestChangedEntries(db, office.id, 50),
      exemptDip(db, office.id),
    ]);
    const entries = changed.filter((e) => !exempt.has(office.id, e.entryKey));
    const site = config.publicUrl;
    const xml = atomFeed({
      id: `${site}/${office.slug}/dip`,
      title: `Daftar Informasi Publik — ${office.name}`,
      subtitle: 'Informasi publik yang baru dan yang diperbarui dalam DIP yang diterbitkan',
      selfUrl: `${site}/${office.slug}/dip/atom.xml`,
      pageUrl: `${site}/${office.slug}/dip`,
      updated: entries[0]?.changedAt ?? live?.publishedAt ?? new Date(0),
      entries: entries.map((e) => ({
        id: `${site}/${office.slug}/dip/${e.year}/${e.entryKey}`,
        title: e.documentTitle,
        summary: e.summary,
        url: `${site}/${office.slug}/dip/${e.year}/${e.entryKey}`,
        updated: e.changedAt,
        category: e.category,
      })),
    });
    return publicCache(reply).header('content-type', 'application/atom+xml; charset=utf-8').send(xml);
  });

  app.get<{ Params: { office: string } }>('/:office/dip/perbandingan', async (req, reply) => {
    const office = await officeOr404(db, req.params.office);
    const { from, to, diff } = await diffDipYears(db, office.id, req.query);
    const c = pageCtx(req, reply);
    const title = c.t('dip.diff.title', { from: from.year, to: to.year });
    return sendPage(
      reply,
      <PublicLayout
        ctx={c}
        title={title}
        breadcrumbs={[
          { href: `/${office.slug}`, label: office.name },
          { href: `/${office.slug}/dip`, label: c.t('office.section.dip') },
        ]}
      >
        <h1>{title}</h1>
        <DiffView t={c.t} fromYear={from.year} toYear={to.year} diff={diff} />
      </PublicLayout>,
    );
  });

  for (const format of ['pdf', 'xlsx', 'csv'] as const) {
    app.get<{ Params: { office: string; year: string } }>(
      `/:office/dip/:year/dip.${format}`,
      async (req, reply) => {
        const office = await officeOr404(db, req.params.office);
        const doc = await publishedDocumentOfYear(db, office, yearParam(req.params.year));
        if (!doc) throw AppError.notFound();
        return sendDipExport(publicCache(reply), withoutExempt(doc, await exemptDip(db, office.id)), format);
      },
    );
  }

  app.get<{ Params: { office: string; year: string } }>(
    '/:office/dip/:year/keputusan.pdf',
    async (req, reply) => {
      const office = await officeOr404(db, req.params.office);
      const doc = await publishedDocumentOfYear(db, office, yearParam(req.params.year));
      if (!doc?.decree) throw AppError.notFound();
      return sendPdf(reply, await renderDecreePdf(doc), `keputusan-penetapan-dip-${doc.year}.pdf`);
    },
  );

  app.get<{ Params: { office: string; year: string; entryKey: string } }>(
    '/:office/dip/:year/:entryKey',
    async (req, reply) => {
      // The office, entry and exemptions from the generation cache; the archive files are read live.
      const view = await publicView(db);
      const office = await cachedOfficeBySlug(view, db, req.params.office);
      if (!office || !office.active) throw AppError.notFound();
      const year = yearParam(req.params.year);
      const key = keyParam(req.params.entryKey);
      const [found, exempt] = await Promise.all([
        cachedPublishedEntry(view, db, office.id, year, key),
        cachedExemptDip(view, db, office.id),
      ]);
      if (!found || exempt.has(office.id, found.entry.entryKey)) throw AppError.notFound();
      const { entry, version } = found;
      const docs = await publicDocuments(db, office.id, entry.archiveItemIds);
      const redacted = await redactedFiles(
        db,
        office.id,
        docs.flatMap((d) => d.files.map((f) => f.fileId)),
      );
      const c = pageCtx(req, reply);
      const { t } = c;
      const base = `/${office.slug}/dip/${entry.year}/${entry.entryKey}`;
      return sendPage(
        reply,
        <PublicLayout
          ctx={c}
          title={entry.documentTitle}
          breadcrumbs={[
            { href: `/${office.slug}`, label: office.name },
            {
              href: `/${office.slug}/dip${version.current ? '' : `?tahun=${version.year}`}`,
              label: t('dipPublic.officeTitleShort', { year: version.year }),
            },
          ]}
        >
          <hgroup>
            <h1>{entry.documentTitle}</h1>
            <p>
              {categoryBadge(t, entry.category)}{' '}
              {entry.isElection ? <span class="badge badge-warn">{t('dip.entry.election')}</span> : null}
            </p>
          </hgroup>
          <p>{entry.summary}</p>
          <dl class="facts">
            <dt>{t('dip.field.holdingUnit')}</dt>
            <dd>{entry.holdingUnit}</dd>
            <dt>{t('dip.field.responsibleOfficial')}</dt>
            <dd>{entry.responsibleOfficial}</dd>
            <dt>{t('dip.field.timeAndPlace')}</dt>
            <dd>{entry.timeAndPlace}</dd>
            <dt>{t('dip.field.formats')}</dt>
            <dd>{formatAvailableForms(entry.formats, entry.fileTypes)}</dd>
            <dt>{t('dip.field.retention')}</dt>
            <dd>{entry.retention}</dd>
            <dt>{t('dipPublic.inDip')}</dt>
            <dd>
              {version.decreeNumber
                ? t('dipPublic.setByShort', { year: version.year, number: version.decreeNumber })
                : t('dipPublic.yearOf', { year: version.year })}{' '}
              · {t('dipPublic.lastChanged', { date: formatDate(entry.changedAt, c.locale, office.timezone) })}
            </dd>
          </dl>
          <section>
            <h2>{t('dipPublic.downloads')}</h2>
            {docs.flatMap((d) => d.files).length === 0 ? (
              <p class="muted">{t('dipPublic.noDownloads')}</p>
            ) : (
              <ul>
                {docs.flatMap((d) =>
                  d.files.map((f) => (
                    <li>
                      <a href={`${base}/berkas/${f.fileId}`} download>
                        {f.name}
                      </a>{' '}
                      <small class="muted">
                        ({d.classificationCode} {d.title}; {f.mediaType}, {Math.ceil(f.sizeBytes / 1024)} KB;
                        SHA-256 {f.sha256.slice(0, 16)}…)
                      </small>
                      {redacted.has(f.fileId) ? (
                        <p class="notice" data-testid="redacted-notice">
                          {t('dipPublic.redacted', {
                            grounds:
                              redacted.get(f.fileId)!.reasons.join('; ') ||
                              redacted.get(f.fileId)!.scrubbed.join(', '),
                          })}
                        </p>
                      ) : null}
                    </li>
                  )),
                )}
              </ul>
            )}
            <p>{t('dipPublic.requestHint')}</p>
          </section>
        </PublicLayout>,
      );
    },
  );

  app.get<{ Params: { office: string; year: string; entryKey: string; fileId: string } }>(
    '/:office/dip/:year/:entryKey/berkas/:fileId',
    async (req, reply) => {
      const office = await officeOr404(db, req.params.office);
      const found = await findPublishedEntry(
        db,
        office.id,
        yearParam(req.params.year),
        keyParam(req.params.entryKey),
      );
      if (!found || (await exemptDip(db, office.id)).has(office.id, found.entry.entryKey))
        throw AppError.notFound();
      const file = await publicFile(db, office.id, found.entry.archiveItemIds, keyParam(req.params.fileId));
      const content = file ? await readFileContent(db, files, office.id, file.fileId) : undefined;
      if (!content) throw AppError.notFound();
      // Never the upload as it came: a file not yet through the release step is cleaned now (ADR 0068).
      const bytes = await publicCopy(db, office.id, content.file, content.bytes);
      return publicCache(reply)
        .header('content-type', content.file.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="${content.file.originalName.replace(/[^\w.-]+/g, '_')}"`,
        )
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  );
}
