/**
 * The editor's inputs, each with its own error beside it. A field's name is its path in the
 * scenario schema, so the error parseScenario gives for that path lands next to it.
 */
import type { Child } from "hono/jsx";
import type { FieldErrors, Fields } from "../../src/planner/scenario-form.ts";

export interface FormState {
  fields: Fields;
  errors: FieldErrors;
}

export const idOf = (name: string) => `f-${name.replaceAll(".", "-")}`;

/** The messages for `name` and, unless `exact`, for the paths under it (`arrivals.perHour.3`). */
export function errorFor(errors: FieldErrors, name: string, exact = false): string | undefined {
  const found = [...errors].filter(([path]) => path === name || (!exact && path.startsWith(`${name}.`)));
  return found.length ? found.map(([, why]) => why).join("; ") : undefined;
}

export function FieldError(props: { name: string; message: string | undefined }) {
  return props.message ? (
    <span class="error" id={`${idOf(props.name)}-error`}>
      {props.message}
    </span>
  ) : null;
}

interface FieldProps {
  name: string;
  label: Child;
  state: FormState;
  hint?: string;
}

/** One input with its label, its hint and its error, tied together for screen readers. */
export function InputField(props: FieldProps & { type?: "text" | "date"; numeric?: boolean }) {
  const error = errorFor(props.state.errors, props.name);
  return (
    <label class={error ? "field-invalid" : undefined}>
      {props.label}
      <input
        id={idOf(props.name)}
        name={props.name}
        type={props.type === "date" ? "date" : undefined}
        value={props.state.fields[props.name] ?? ""}
        inputmode={props.numeric ? "decimal" : undefined}
        size={props.numeric ? 8 : undefined}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${idOf(props.name)}-error` : undefined}
      />
      {props.hint ? <small class="muted">{props.hint}</small> : null}
      <FieldError name={props.name} message={error} />
    </label>
  );
}

/** Text, not type="number": a mistyped value reaches the schema, which says what it expected. */
export const NumberField = (props: FieldProps) => <InputField {...props} numeric />;
export const TextField = (props: FieldProps) => <InputField {...props} />;

/**
 * A choice that changes which fields follow it (arrival kind, distribution): with htmx the form
 * is redrawn at once; without, the "Show the fields" button does the same.
 */
export function SwitchField(props: {
  name: string;
  label: string;
  options: readonly string[];
  state: FormState;
  refresh: string;
  blank?: boolean;
}) {
  const value = props.state.fields[props.name] ?? "";
  const error = errorFor(props.state.errors, props.name);
  return (
    <label class={error ? "field-invalid" : undefined}>
      {props.label}
      <select
        id={idOf(props.name)}
        name={props.name}
        aria-invalid={error ? "true" : undefined}
        hx-post={props.refresh}
        hx-vals='{"_action": "refresh"}'
        hx-target="#editor"
        hx-swap="outerHTML"
      >
        {props.blank ? <option value="">—</option> : null}
        {props.options.map((o) => (
          <option value={o} selected={o === value}>
            {o}
          </option>
        ))}
      </select>
      <FieldError name={props.name} message={error} />
    </label>
  );
}

/** A fieldset whose own errors (`channels: green + yellow + red must be 1`) show under its legend. */
export function Group(props: { name: string; legend: string; state: FormState; children: Child }) {
  const error = errorFor(props.state.errors, props.name, true);
  return (
    <fieldset id={idOf(props.name)} class={error ? "field-invalid" : undefined}>
      <legend>{props.legend}</legend>
      <FieldError name={props.name} message={error} />
      {props.children}
    </fieldset>
  );
}

/**
 * The values of fields not shown for the current choice (another distribution's parameters), kept
 * as hidden inputs so that switching back and forth loses nothing the planner typed.
 */
export function Kept(props: { state: FormState; names: readonly string[] }) {
  return (
    <>
      {props.names.map((name) => {
        const value = props.state.fields[name];
        return value ? <input type="hidden" name={name} value={value} /> : null;
      })}
    </>
  );
}
