import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import type { Translate } from '../../platform/i18n.ts';
import { fieldLabel } from '../field-labels.ts';

export type Errors = Record<string, string>;
export type Values = Record<string, unknown>;

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** A titled part of a long form: the title is the fieldset's legend, as a section heading. */
export function FormSection({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <fieldset>
      <legend>
        <h2>{title}</h2>
      </legend>
      {children}
    </fieldset>
  );
}

function fieldId(name: string): string {
  return `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** Lists every problem at the top of a form, each linking to its field (GOV.UK pattern). */
export function ErrorSummary(props: { t: Translate; errors: Errors; labels?: Record<string, string> }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h2>{props.t('error.validation')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${fieldId(field)}`}>
              {props.labels?.[field]
                ? `${props.labels[field]}: `
                : field !== '_'
                  ? `${fieldLabel(props.t, field)}: `
                  : ''}
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  errors?: Errors;
  values?: Values;
  hint?: string;
  required?: boolean;
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : null, error ? `${fieldId(name)}-error` : null].filter(
    Boolean,
  );
  return ids.length ? ids.join(' ') : undefined;
}

function FieldShell(props: FieldProps & { children: ComponentChildren }) {
  const error = props.errors?.[props.name];
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={fieldId(props.name)}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.hint ? (
        <small id={`${fieldId(props.name)}-hint`} class="hint">
          {props.hint}
        </small>
      ) : null}
      {props.children}
      {error ? (
        <small id={`${fieldId(props.name)}-error`} class="error-text">
          {error}
        </small>
      ) : null}
    </div>
  );
}

export function valueOf(values: Values | undefined, name: string): string {
  const v = values?.[name];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string').join('\n');
  return '';
}

export function TextField(
  props: FieldProps & {
    type?:
      | 'text'
      | 'email'
      | 'password'
      | 'date'
      | 'time'
      | 'number'
      | 'tel'
      | 'url'
      | 'datetime-local'
      | 'search';
    autocomplete?: string;
    inputMode?: 'numeric' | 'tel' | 'email' | 'text' | 'decimal' | 'search' | 'url';
    min?: string | number;
    max?: string | number;
    pattern?: string;
    maxLength?: number;
    placeholder?: string;
  },
) {
  const error = props.errors?.[props.name];
  // preact types each input type separately; the attributes are the same for all of ours.
  const attrs = {
    id: fieldId(props.name),
    name: props.name,
    type: props.type ?? 'text',
    value: props.type === 'password' ? '' : valueOf(props.values, props.name),
    required: props.required,
    autocomplete: props.autocomplete,
    inputMode: props.inputMode,
    min: props.min,
    max: props.max,
    pattern: props.pattern,
    maxLength: props.maxLength,
    placeholder: props.placeholder,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy(props.name, props.hint, error),
  } as InputHTMLAttributes<HTMLInputElement>;
  return (
    <FieldShell {...props}>
      <input {...attrs} />
    </FieldShell>
  );
}

export function TextArea(props: FieldProps & { rows?: number; maxLength?: number }) {
  const error = props.errors?.[props.name];
  return (
    <FieldShell {...props}>
      <textarea
        id={fieldId(props.name)}
        name={props.name}
        rows={props.rows ?? 4}
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {valueOf(props.values, props.name)}
      </textarea>
    </FieldShell>
  );
}

export function SelectField(
  props: FieldProps & { options: { value: string; label: string }[]; emptyLabel?: string },
) {
  const error = props.errors?.[props.name];
  const current = valueOf(props.values, props.name);
  return (
    <FieldShell {...props}>
      <select
        id={fieldId(props.name)}
        name={props.name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function FileField(props: FieldProps & { accept?: string }) {
  const error = props.errors?.[props.name];
  return (
    <FieldShell {...props}>
      <input
        id={fieldId(props.name)}
        name={props.name}
        type="file"
        accept={props.accept}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      />
    </FieldShell>
  );
}

export function Checkbox(props: {
  name: string;
  label: string;
  checked?: boolean;
  errors?: Errors;
  hint?: string;
}) {
  const error = props.errors?.[props.name];
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label>
        <input
          type="checkbox"
          id={fieldId(props.name)}
          name={props.name}
          checked={props.checked}
          aria-invalid={error ? 'true' : undefined}
        />
        {props.label}
      </label>
      {props.hint ? <small class="hint">{props.hint}</small> : null}
      {error ? <small class="error-text">{error}</small> : null}
    </div>
  );
}

/** A one-button form for an action on a row (revoke, disable, delete). */
export function ActionButton(props: {
  action: string;
  csrf: string;
  label: string;
  variant?: 'secondary' | 'contrast' | 'danger';
  confirm?: string;
  hidden?: Record<string, string>;
}) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <input type="hidden" name="_csrf" value={props.csrf} />
      {Object.entries(props.hidden ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <button
        type="submit"
        class={props.variant === 'danger' ? 'secondary danger' : props.variant}
        data-confirm={props.confirm}
      >
        {props.label}
      </button>
    </form>
  );
}
