import type { ComponentChildren } from 'preact';
import type { Translate } from '../../platform/i18n.ts';
import { formatAvailableForms } from '../../modules/dip/available-forms.ts';
import type { TimeStandard } from '../../modules/dip/model.ts';
import type { Column } from '../shared/data-table.tsx';

// Small pieces the DIP, archive and SOP pages share.

/** "45 menit", "3 jam 10 menit", "2 hari 4 jam" */
export function formatDuration(t: Translate, minutes: number | null): string {
  if (minutes === null) return '—';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(t('dip.duration.days', { n: days }));
  if (hours) parts.push(t('dip.duration.hours', { n: hours }));
  if (mins || parts.length === 0) parts.push(t('dip.duration.minutes', { n: mins }));
  return parts.slice(0, 2).join(' ');
}

/** The standard as the SOP wrote it, with how Terbuka reads it. */
export function standardText(t: Translate, std: TimeStandard): string {
  if (std.unit === null) return std.text ? `${std.text} (${t('dip.standard.none')})` : t('dip.standard.none');
  const read =
    std.unit === 'WORKING_HOURS' ? t('dip.unit.WORKING_HOURS') : `${std.amount} ${t(`dip.unit.${std.unit}`)}`;
  return std.text && std.text.toLowerCase() !== read.toLowerCase() ? `${std.text} (${read})` : read;
}

export function MetBadge({ t, met }: { t: Translate; met: boolean | null }) {
  if (met === null) return <span class="badge badge-muted">{t('dip.met.none')}</span>;
  return met ? (
    <span class="badge badge-ok">{t('dip.met.yes')}</span>
  ) : (
    <span class="badge badge-bad">{t('dip.met.no')}</span>
  );
}

export function StatusBadge({ label, tone }: { label: string; tone: 'ok' | 'warn' | 'bad' | 'muted' }) {
  return <span class={`badge badge-${tone}`}>{label}</span>;
}

/** A DIP entry's status as a badge (included: ok, rejected: bad, else waiting), with the decision's note. */
export function EntryStatus({
  t,
  entry,
}: {
  t: Translate;
  entry: { status: string; decisionNote?: string | null };
}) {
  return (
    <>
      <StatusBadge
        label={t(`dip.entry.status.${entry.status}`)}
        tone={entry.status === 'INCLUDED' ? 'ok' : entry.status === 'REJECTED' ? 'bad' : 'warn'}
      />
      {entry.decisionNote ? <div class="muted">{entry.decisionNote}</div> : null}
    </>
  );
}

interface EntryText {
  documentTitle: string;
  summary: string;
  category: string;
  holdingUnit: string;
  formats: readonly string[];
  fileTypes: readonly string[];
}

/**
 * The columns every DIP table shows (draft, proposals, published version), as the DIP annex
 * names them; the title cell may carry a badge after the title and lines under the summary.
 */
export function dipEntryColumns<T extends EntryText>(
  t: Translate,
  title: { badge?: (e: T) => ComponentChildren; below?: (e: T) => ComponentChildren } = {},
) {
  return {
    title: {
      label: t('dip.field.documentTitle'),
      cell: (e: T) => (
        <>
          <strong>{e.documentTitle}</strong>
          {title.badge?.(e)}
          <br />
          <small>{e.summary}</small>
          {title.below?.(e)}
        </>
      ),
    },
    category: { label: t('dip.field.category'), cell: (e: T) => t(`dip.category.${e.category}`) },
    holdingUnit: { label: t('dip.field.holdingUnit'), cell: (e: T) => e.holdingUnit },
    formats: { label: t('dip.field.formats'), cell: (e: T) => formatAvailableForms(e.formats, e.fileTypes) },
  } satisfies Record<string, Column<T>>;
}
