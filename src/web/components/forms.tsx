// DKFDS form controls with their error messages, and the error summary that lists them. A form
// re-rendered after a failed submit passes `values` (what the user typed) and `errors` (by field).
import type { Child } from 'hono/jsx';
import type { FieldError } from '../../domain/errors.ts';
import type { PageContext } from '../context.ts';
import { Icon } from './icon.tsx';

export type FormErrors = Record<string, string>;
export type FormValues = Record<string, string | string[] | undefined>;

export function errorsByField(errors: FieldError[]): FormErrors {
  return Object.fromEntries(errors.map((error) => [error.field, error.message]));
}

const errorId = (id: string) => `${id}-error`;
const hintId = (id: string) => `${id}-hint`;

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? hintId(id) : null, error ? errorId(id) : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

const ErrorMessage = (props: { id: string; message: string | undefined; ctx: PageContext }) =>
  props.message ? (
    <span class="form-error-message" id={errorId(props.id)}>
      <span class="sr-only">{props.ctx.t('form.error')}: </span>
      {props.message}
    </span>
  ) : null;

const Label = (props: { id: string; label: string; required?: boolean | undefined; ctx: PageContext }) => (
  <label class="form-label" for={props.id}>
    {props.label}
    {props.required === false ? <span class="weight-normal"> ({props.ctx.t('form.optional')})</span> : null}
  </label>
);

/** The DKFDS form group around one control: label, hint and error message, in that order. */
const FieldGroup = (props: { ctx: PageContext; id: string; label: string; required?: boolean | undefined; hint?: string | undefined; error?: string | undefined; children: Child }) => (
  <div class={`form-group${props.error ? ' form-error' : ''}`}>
    <Label id={props.id} label={props.label} required={props.required} ctx={props.ctx} />
    {props.hint ? (
      <span class="form-hint" id={hintId(props.id)}>
        {props.hint}
      </span>
    ) : null}
    <ErrorMessage id={props.id} message={props.error} ctx={props.ctx} />
    {props.children}
  </div>
);

export interface TextFieldProps {
  ctx: PageContext;
  name: string;
  label: string;
  id?: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'search' | 'url';
  autocomplete?: string;
  required?: boolean;
  inputClass?: string;
}

export const TextField = (props: TextFieldProps) => {
  const id = props.id ?? props.name;
  return (
    <FieldGroup ctx={props.ctx} id={id} label={props.label} required={props.required} hint={props.hint} error={props.error}>
      <input
        type={props.type ?? 'text'}
        id={id}
        name={props.name}
        class={`form-input${props.inputClass ? ` ${props.inputClass}` : ''}`}
        value={props.type === 'password' ? undefined : props.value}
        autocomplete={props.autocomplete}
        required={props.required !== false}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
    </FieldGroup>
  );
};

/** A multi-line text field; `required: false` marks it optional in the label (no browser validation). */
export const TextArea = (props: { ctx: PageContext; name: string; id?: string; label: string; value?: string | undefined; error?: string | undefined; required?: boolean; hint?: string | undefined; rows?: number; inputClass?: string }) => {
  const id = props.id ?? props.name;
  return (
    <FieldGroup ctx={props.ctx} id={id} label={props.label} required={props.required} hint={props.hint} error={props.error}>
      <textarea
        id={id}
        name={props.name}
        class={`form-input${props.inputClass ? ` ${props.inputClass}` : ''}`}
        rows={props.rows ?? 4}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.value ?? ''}
      </textarea>
    </FieldGroup>
  );
};

export interface SelectFieldProps {
  ctx: PageContext;
  name: string;
  label: string;
  id?: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  /** Text of an empty first option; absent means no empty option. */
  placeholder?: string;
  /** A DKFDS width class for long option texts. */
  width?: 'input-width-l' | 'input-width-xl';
}

export const SelectField = (props: SelectFieldProps) => {
  const id = props.id ?? props.name;
  return (
    <FieldGroup ctx={props.ctx} id={id} label={props.label} required={props.required} hint={props.hint} error={props.error}>
      <select
        id={id}
        name={props.name}
        class={`form-select${props.width ? ` ${props.width}` : ''}`}
        required={props.required !== false}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldGroup>
  );
};

export interface CheckboxGroupProps {
  ctx: PageContext;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  values: string[];
  error?: string | undefined;
}

export const CheckboxGroup = (props: CheckboxGroupProps) => (
  <div class={`form-group${props.error ? ' form-error' : ''}`}>
    <fieldset aria-describedby={props.error ? errorId(props.name) : undefined}>
      <legend class="form-label">{props.legend}</legend>
      <ErrorMessage id={props.name} message={props.error} ctx={props.ctx} />
      <ul class="nobullet-list">
        {props.options.map((option, index) => {
          const id = index === 0 ? props.name : `${props.name}-${option.value}`;
          return (
            <li>
              <input id={id} type="checkbox" name={props.name} value={option.value} class="form-checkbox" checked={props.values.includes(option.value)} />
              <label for={id} class="form-label">
                {option.label}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  </div>
);

/** DKFDS error summary: listed at the top of the form, each error links to its field. */
export const ErrorSummary = (props: { ctx: PageContext; errors: FormErrors; message?: string | undefined }) => {
  const entries = Object.entries(props.errors);
  if (entries.length === 0 && !props.message) return null;
  return (
    <div class="alert alert-error error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <Icon name="error" class="alert-icon" label={props.ctx.t('form.error')} />
      <div class="alert-body">
        <h2 class="alert-heading" id="error-summary-title">
          {props.ctx.t('form.errorSummary')}
        </h2>
        {props.message ? <p class="alert-text">{props.message}</p> : null}
        {entries.length > 0 ? (
          <ul class="alert-text nobullet-list">
            {entries.map(([field, message]) => (
              <li>
                <a href={`#${field === 'form' ? 'main-content' : field}`} class="function-link">
                  {message}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
};

export const Alert = (props: { variant: 'info' | 'success' | 'warning' | 'error'; children: Child; heading?: string }) => (
  <div class={`alert alert-${props.variant}`} role={props.variant === 'error' || props.variant === 'warning' ? 'alert' : 'status'}>
    <Icon name={props.variant} class="alert-icon" />
    <div class="alert-body">
      {props.heading ? <h2 class="alert-heading">{props.heading}</h2> : null}
      <p class="alert-text">{props.children}</p>
    </div>
  </div>
);

export function stringValue(values: FormValues, name: string): string | undefined {
  const value = values[name];
  return Array.isArray(value) ? value[0] : value;
}

export function listValue(values: FormValues, name: string): string[] {
  const value = values[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
