import type { ComponentChildren } from 'preact';
import { Csrf, ErrorSummary, type Errors, type Values } from '../shared/forms.tsx';
import type { Translate } from '../../platform/i18n.ts';
import type { PageCtx } from '../render.tsx';
import type { OpenForm } from './case-action.ts';
import { PreviewButtons } from './preview-buttons.tsx';

// The forms of a case page (a request, an objection): each step is a titled, collapsible form
// posting to `{case page}/{path}` (the routes of `caseActionRoutes`), opened again with its errors
// and what was typed when the step refused it. A case type configures it once with where its
// page lives and, optionally, how its fields are named in the error summary.

/** What every form of a case page gets. */
export interface CaseFormProps<V> {
  ctx: PageCtx;
  view: V;
  active: OpenForm | null;
}

/** A field's name with the form's errors and values, to spread into a field component. */
export interface BoundField {
  name: string;
  errors: Errors;
  values: Values;
}

/** One form's state: its errors and values when it is the one re-drawn, else none (or `defaults`). */
export interface FormState {
  errors: Errors;
  values: Values;
  open: boolean;
  /** `{ name, errors, values }` of one field, e.g. `<TextArea {...s.field('note')} … />`. */
  field: (name: string) => BoundField;
}

/** Binds fields to a form's errors and values (for a form that adds defaults of its own). */
export function bindFields(errors: Errors, values: Values): (name: string) => BoundField {
  return (name) => ({ name, errors, values });
}

export function formState(active: OpenForm | null, name: string, defaults: Values = {}): FormState {
  const mine = active?.name === name;
  const errors = mine ? active.errors : {};
  const values = mine ? active.values : defaults;
  return { errors, values, open: mine, field: bindFields(errors, values) };
}

export interface ActionFormProps {
  name: string;
  path: string;
  title: string;
  lead?: string;
  submit: string;
  multipart?: boolean;
  danger?: boolean;
  /** The letters this step issues, each with a preview button (ADR 0070, 0115). */
  previews?: { kind: string; label: string }[];
  labels?: Record<string, string>;
  children?: ComponentChildren;
}

/**
 * The form kit of one case type: `base` is the case page's URL, `labels` the names its error
 * summaries give the fields when a form names none of its own.
 */
export function caseActionForm<V>(config: {
  base: (view: V) => string;
  labels?: (t: PageCtx['t']) => Record<string, string>;
}) {
  function state(props: CaseFormProps<V>, name: string, defaults: Values = {}): FormState {
    return formState(props.active, name, defaults);
  }

  /** One action: a titled, collapsible form that opens itself when it has errors. */
  function ActionForm(props: CaseFormProps<V> & ActionFormProps) {
    const { ctx } = props;
    const s = state(props, props.name);
    const action = `${config.base(props.view)}/${props.path}`;
    return (
      <details class="action" open={s.open} id={`aksi-${props.name}`}>
        <summary>{props.title}</summary>
        {props.lead ? <p class="hint">{props.lead}</p> : null}
        <ErrorSummary t={ctx.t} errors={s.errors} labels={props.labels ?? config.labels?.(ctx.t)} />
        <form method="post" action={action} enctype={props.multipart ? 'multipart/form-data' : undefined}>
          <Csrf token={ctx.csrf} />
          {props.children}
          <button type="submit" class={props.danger ? 'secondary danger' : undefined}>
            {props.submit}
          </button>
          {props.previews ? <PreviewButtons ctx={ctx} action={action} previews={props.previews} /> : null}
        </form>
      </details>
    );
  }

  /** A single-button action (register, close). */
  function ButtonAction(props: CaseFormProps<V> & { path: string; label: string; lead?: string }) {
    return (
      <form method="post" action={`${config.base(props.view)}/${props.path}`} class="action-button">
        <Csrf token={props.ctx.csrf} />
        {props.lead ? <p class="hint">{props.lead}</p> : null}
        <button type="submit">{props.label}</button>
      </form>
    );
  }

  /**
   * One step's form as data: `spec` says what the form is (its name, texts, defaults), `body`
   * draws its fields with the form's state. The component takes the case page's props.
   */
  function step<P extends CaseFormProps<V>>(
    spec: (props: P, t: Translate) => StepSpec,
    body: (s: FormState, props: P, t: Translate) => ComponentChildren,
  ) {
    return (props: P) => {
      const t = props.ctx.t;
      const { defaults, path, ...form } = spec(props, t);
      const s = state(props, form.name, defaults);
      return (
        <ActionForm {...props} {...form} path={path ?? form.name}>
          {body(s, props, t)}
        </ActionForm>
      );
    };
  }

  return { state, ActionForm, ButtonAction, step };
}

/** What `step` needs to know of a form: `path` defaults to its `name`, `defaults` are its first values. */
export type StepSpec = Omit<ActionFormProps, 'children' | 'path'> & { path?: string; defaults?: Values };

/**
 * A step's title, lead and submit label from one message key: `key`, `keyLead`, `keySubmit`
 * (`lead: false` for a step without a lead).
 */
export function actionTexts(
  t: Translate,
  key: string,
  opts: { lead?: boolean; params?: Record<string, string | number> } = {},
): { title: string; lead?: string; submit: string } {
  return {
    title: t(key, opts.params),
    ...(opts.lead === false ? {} : { lead: t(`${key}Lead`) }),
    submit: t(`${key}Submit`),
  };
}
