import type { PageCtx } from '../render.tsx';

/**
 * The "Pratinjau …" buttons of a letter step (ADR 0070, 0115): they post the step's own form to
 * `{action}/pratinjau` in a new tab (no JavaScript) and get the letter as a PDF marked "DRAF";
 * `previewKind` says which letter when a step issues more than one.
 */
export function PreviewButtons(props: {
  ctx: PageCtx;
  action: string;
  previews: { kind: string; label: string }[];
}) {
  if (props.previews.length === 0) return null;
  return (
    <div class="preview-actions">
      <p class="hint">{props.ctx.t('preview.hint')}</p>
      {props.previews.map((p) => (
        <button
          type="submit"
          class="secondary outline"
          formaction={`${props.action}/pratinjau`}
          formtarget="_blank"
          formnovalidate
          name="previewKind"
          value={p.kind}
        >
          {p.label}
        </button>
      ))}
    </div>
  );
}
