import type { Errors, Values } from './forms.tsx';

function selected(values: Values | undefined, name: string): string[] {
  const v = values?.[name];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' && v !== '' ? [v] : [];
}

/** A group of radio buttons or checkboxes under one legend, with its hint and error. */
export function ChoiceGroup(props: {
  name: string;
  legend: string;
  type: 'radio' | 'checkbox';
  options: { value: string; label: string; hint?: string }[];
  errors?: Errors;
  values?: Values;
  hint?: string;
  required?: boolean;
}) {
  const error = props.errors?.[props.name];
  const current = selected(props.values, props.name);
  const id = `f-${props.name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  return (
    <fieldset
      id={id}
      class={`field choice-group${error ? ' field-error' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>
        {props.legend}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </legend>
      {props.hint ? <small class="hint">{props.hint}</small> : null}
      {props.options.map((o) => (
        <label class="choice">
          <input type={props.type} name={props.name} value={o.value} checked={current.includes(o.value)} />
          <span>
            {o.label}
            {o.hint ? <small class="hint choice-hint">{o.hint}</small> : null}
          </span>
        </label>
      ))}
      {error ? (
        <small id={`${id}-error`} class="error-text">
          {error}
        </small>
      ) : null}
    </fieldset>
  );
}

/** A file input that takes several files (identity scans of group members, unit answers). */
export function FilesField(props: {
  name: string;
  label: string;
  hint?: string;
  errors?: Errors;
  multiple?: boolean;
  accept?: string;
  required?: boolean;
}) {
  const error = props.errors?.[props.name];
  const id = `f-${props.name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.hint ? (
        <small id={`${id}-hint`} class="hint">
          {props.hint}
        </small>
      ) : null}
      <input
        id={id}
        type="file"
        name={props.name}
        multiple={props.multiple}
        accept={props.accept}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={
          [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
        }
      />
      {error ? (
        <small id={`${id}-error`} class="error-text">
          {error}
        </small>
      ) : null}
    </div>
  );
}
