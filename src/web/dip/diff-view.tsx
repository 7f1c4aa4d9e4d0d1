import type { VersionEntry } from '../../modules/dip/queries.ts';
import type { DipDiff } from '../../modules/dip/version-diff.ts';
import type { Translate } from '../../platform/i18n.ts';
import { formatAvailableForms } from '../../modules/dip/available-forms.ts';

// The difference between two years of a DIP: added, removed and changed entries, with each
// changed field shown before and after. Used on the staff and the public side.

function show(t: Translate, e: VersionEntry, field: string): string {
  switch (field) {
    case 'category':
      return t(`dip.category.${e.category}`);
    case 'formats':
    case 'fileTypes':
      return formatAvailableForms(e.formats, e.fileTypes);
    case 'isElection':
      return e.isElection ? t('app.yes') : t('app.no');
    case 'archiveItemIds':
      return t('dip.diff.archiveCount', { n: e.archiveItemIds.length });
    case 'documentTitle':
    case 'summary':
    case 'holdingUnit':
    case 'responsibleOfficial':
    case 'timeAndPlace':
    case 'retention':
      return e[field];
    default:
      return '';
  }
}

export function DiffView({
  t,
  fromYear,
  toYear,
  diff,
}: {
  t: Translate;
  fromYear: number;
  toYear: number;
  diff: DipDiff<VersionEntry>;
}) {
  return (
    <>
      <p>
        {t('dip.diff.summary', {
          from: fromYear,
          to: toYear,
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.changed.length,
          unchanged: diff.unchanged,
        })}
      </p>
      <h2>{t('dip.diff.added', { n: diff.added.length })}</h2>
      {diff.added.length === 0 ? (
        <p class="muted">—</p>
      ) : (
        <ul class="diff-added">
          {diff.added.map((e) => (
            <li>
              + {e.documentTitle} <small class="muted">({t(`dip.category.${e.category}`)})</small>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('dip.diff.removed', { n: diff.removed.length })}</h2>
      {diff.removed.length === 0 ? (
        <p class="muted">—</p>
      ) : (
        <ul class="diff-removed">
          {diff.removed.map((e) => (
            <li>
              − {e.documentTitle} <small class="muted">({t(`dip.category.${e.category}`)})</small>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('dip.diff.changed', { n: diff.changed.length })}</h2>
      {diff.changed.length === 0 ? (
        <p class="muted">—</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('app.tableScroll')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dip.field.documentTitle')}</th>
                <th scope="col">{t('dip.diff.field')}</th>
                <th scope="col">{fromYear}</th>
                <th scope="col">{toYear}</th>
              </tr>
            </thead>
            <tbody>
              {diff.changed.flatMap((c) =>
                c.fields.map((f, i) => (
                  <tr>
                    <td>{i === 0 ? c.after.documentTitle : ''}</td>
                    <td>{t(`dip.field.${f}`)}</td>
                    <td class="diff-before">{show(t, c.before, f)}</td>
                    <td class="diff-after">{show(t, c.after, f)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
