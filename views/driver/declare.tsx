/** /drive: checkpoint, direction and the pre-declaration; errors sit next to their fields. */
import { ADR_CLASSES, DIRECTIONS, TRANSIT_DOCUMENT_TYPES } from "../../src/domain/declaration.ts";
import type { Lang, Translate } from "../../src/i18n/index.ts";
import type { StoredCheckpoint } from "../../src/store/checkpoints.ts";
import { DriverShell } from "./shell.tsx";

export interface DeclareFormProps {
  t: Translate;
  lang: Lang;
  checkpoints: StoredCheckpoint[];
  values: Record<string, string>;
  errors: Record<string, string>;
  /** a refusal of the whole form (the truck's active crossing) */
  notice?: string;
}

export const checkpointName = (cp: StoredCheckpoint, lang: Lang) =>
  lang === "en" ? cp.name : cp.names[lang];

function Field(props: {
  p: DeclareFormProps;
  name: string;
  label: string;
  type?: string;
  inputmode?: "numeric" | "decimal";
  autocomplete?: string;
}) {
  const { p, name } = props;
  const error = p.errors[name];
  const id = `f-${name.replace(".", "-")}`;
  return (
    <p class={error ? "field-invalid" : undefined}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={name}
        type={props.type ?? "text"}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete}
        value={p.values[name] ?? ""}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <span class="error" id={`${id}-error`}>
          {p.t(error)}
        </span>
      )}
    </p>
  );
}

function Select(props: { p: DeclareFormProps; name: string; label: string; options: [string, string][] }) {
  const { p, name } = props;
  const error = p.errors[name];
  const id = `f-${name.replace(".", "-")}`;
  return (
    <p class={error ? "field-invalid" : undefined}>
      <label for={id}>{props.label}</label>
      <select id={id} name={name} aria-invalid={error ? "true" : undefined}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={p.values[name] === value}>
            {label}
          </option>
        ))}
      </select>
      {error && <span class="error">{p.t(error)}</span>}
    </p>
  );
}

function Check(props: { p: DeclareFormProps; name: string; label: string }) {
  return (
    <p>
      <label>
        <input type="checkbox" name={props.name} checked={props.p.values[props.name] === "on"} />{" "}
        {props.label}
      </label>
    </p>
  );
}

/** The form alone: what htmx swaps in after a refused submission. */
export function DeclareForm(p: DeclareFormProps) {
  const { t } = p;
  const hasErrors = Object.keys(p.errors).length > 0;
  return (
    <form
      id="declare"
      method="post"
      action={`/drive?lang=${p.lang}`}
      hx-post={`/drive?lang=${p.lang}`}
      hx-target="this"
      hx-swap="outerHTML"
    >
      {hasErrors && (
        <p class="notice bad" role="alert">
          {t("drive.fix")}
        </p>
      )}
      {p.notice && (
        <p class="notice bad" role="alert">
          {p.notice}
        </p>
      )}
      <Select
        p={p}
        name="checkpointId"
        label={t("drive.checkpoint")}
        options={p.checkpoints.map((cp) => [cp.id, checkpointName(cp, p.lang)])}
      />
      <Select
        p={p}
        name="direction"
        label={t("drive.direction")}
        options={DIRECTIONS.map((d) => [d, t(`dir.${d}`)])}
      />
      <Field p={p} name="vehicle.plate" label={t("f.plate")} autocomplete="off" />
      <Field p={p} name="vehicle.country" label={t("f.country")} />
      <Field p={p} name="vehicle.trailerPlate" label={t("f.trailerPlate")} />
      <Field p={p} name="vehicle.vin" label={t("f.vin")} autocomplete="off" />
      <Field p={p} name="driver.name" label={t("f.driverName")} autocomplete="name" />
      <Field p={p} name="driver.phone" label={t("f.phone")} type="tel" autocomplete="tel" />
      <Field p={p} name="cargo.description" label={t("f.description")} />
      <Field p={p} name="cargo.hsCodes" label={t("f.hsCodes")} inputmode="numeric" />
      <Field p={p} name="cargo.grossWeightKg" label={t("f.weight")} inputmode="numeric" />
      <Field p={p} name="cargo.valueUsd" label={t("f.value")} inputmode="decimal" />
      <Check p={p} name="cargo.perishable" label={t("f.perishable")} />
      <Check p={p} name="cargo.humanitarian" label={t("f.humanitarian")} />
      <Select
        p={p}
        name="cargo.dangerousGoodsClass"
        label={t("f.adr")}
        options={[["", t("f.adrNone")], ...ADR_CLASSES.map((c): [string, string] => [c, c])]}
      />
      <Select
        p={p}
        name="transitDocument.type"
        label={t("f.transitType")}
        options={TRANSIT_DOCUMENT_TYPES.map((d) => [d, d === "none" ? t("f.transitNone") : d])}
      />
      <Field p={p} name="transitDocument.number" label={t("f.transitNumber")} />
      <button type="submit">{t("drive.submit")}</button>
    </form>
  );
}

export function DeclarePage(p: DeclareFormProps) {
  return (
    <DriverShell lang={p.lang} title={p.t("drive.title")} path="/drive">
      <h1>{p.t("drive.title")}</h1>
      <DeclareForm {...p} />
    </DriverShell>
  );
}
