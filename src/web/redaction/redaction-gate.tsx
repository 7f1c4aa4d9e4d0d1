import { partialGrantBlocked, type ReleaseGate } from '../../modules/redaction/release-gate.ts';
import type { PageCtx } from '../render.tsx';

/**
 * In the decision form, before the PPID submits (issue 14): why a notice granting in part with
 * a softcopy cannot be issued yet — files still being prepared, or none blacked out — with the
 * way to the release step. Nothing is shown once the files are ready.
 */
export function PartialGrantGate({ ctx, gate, href }: { ctx: PageCtx; gate: ReleaseGate; href: string }) {
  const { t } = ctx;
  const files = gate.pending.length + gate.unprepared.length + gate.redacted.length;
  if (files === 0 || !partialGrantBlocked(gate)) return null;
  return (
    <div class="notice notice-warning" data-testid="partial-gate" role="note">
      <p>
        <strong>{t('redaction.gate.title')}</strong>
      </p>
      <ul>
        {gate.pending.length > 0 ? (
          <li>{t('redaction.gate.pending', { files: gate.pending.join(', ') })}</li>
        ) : null}
        {gate.redacted.length === 0 && gate.unprepared.length > 0 ? (
          <li>{t('redaction.gate.none', { files: gate.unprepared.join(', ') })}</li>
        ) : null}
      </ul>
      <p>
        <a href={href}>{t('redaction.link')}</a>
      </p>
    </div>
  );
}
