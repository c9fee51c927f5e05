/** The pre-declaration form's flat fields to the schema's nested input, and the schema's issues back to fields. */
import type { z } from "zod";
import { type Declaration, declarationSchema } from "../../domain/declaration.ts";

export type FormValues = Record<string, string>;
/** field name (e.g. "vehicle.plate") to a dictionary key */
export type FieldErrors = Record<string, string>;

const text = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v);
// "" is absent; anything else that is not a number stays NaN so the schema names the field
const num = (v: string | undefined) => (text(v) === undefined ? undefined : Number(v));

export function formToInput(f: FormValues): unknown {
  return {
    checkpointId: f.checkpointId ?? "",
    direction: f.direction ?? "",
    vehicle: {
      plate: f["vehicle.plate"] ?? "",
      country: f["vehicle.country"] ?? "",
      trailerPlate: text(f["vehicle.trailerPlate"]),
      vin: text(f["vehicle.vin"]),
    },
    driver: { name: f["driver.name"] ?? "", phone: f["driver.phone"] ?? "" },
    cargo: {
      description: f["cargo.description"] ?? "",
      hsCodes: (f["cargo.hsCodes"] ?? "").split(/[,;\s]+/).filter((s) => s !== ""),
      grossWeightKg: num(f["cargo.grossWeightKg"]),
      valueUsd: num(f["cargo.valueUsd"]),
      perishable: f["cargo.perishable"] === "on" || undefined,
      dangerousGoodsClass: text(f["cargo.dangerousGoodsClass"]),
      humanitarian: f["cargo.humanitarian"] === "on" || undefined,
    },
    transitDocument: { type: f["transitDocument.type"] ?? "", number: text(f["transitDocument.number"]) },
  };
}

/** Array positions (hsCodes.2) are reported on the field itself; the first problem of a field wins. */
export function issuesToFields(issues: z.core.$ZodIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.filter((p) => typeof p === "string").join(".") || "form";
    out[field] ??= issue.message;
  }
  return out;
}

export function parseDeclarationForm(
  f: FormValues,
): { ok: true; declaration: Declaration } | { ok: false; errors: FieldErrors } {
  const parsed = declarationSchema.safeParse(formToInput(f));
  return parsed.success
    ? { ok: true, declaration: parsed.data }
    : { ok: false, errors: issuesToFields(parsed.error.issues) };
}
