/**
 * The electronic pre-declaration: one zod schema for the driver's form, the JSON API and the
 * seed. Messages are dictionary keys (`v.*`), so every error can be shown in the driver's language.
 */
import { z } from "zod";
import type { PriorityClass } from "../../machines/types.ts";
import { canonicalPlate, canonicalVin, displayPlate, VIN_PATTERN } from "./identity.ts";
import { hasControlCharacters } from "./text.ts";

export const DIRECTIONS = ["export", "import", "transit"] as const;
export const TRANSIT_DOCUMENT_TYPES = ["TIR", "NCTS", "eTIR", "none"] as const;
/** ADR classes of dangerous goods */
export const ADR_CLASSES = [
  "1",
  "2",
  "3",
  "4.1",
  "4.2",
  "4.3",
  "5.1",
  "5.2",
  "6.1",
  "6.2",
  "7",
  "8",
  "9",
] as const;

/** EAEU limit on a road train's total mass is 44 t; the cargo cannot weigh more than that. */
export const MAX_GROSS_WEIGHT_KG = 44_000;

/** A canonical plate (identity.ts): 4-12 digits, Latin or Cyrillic capitals, or Chinese characters. */
const CANONICAL_PLATE = /^[0-9A-Z\u0410-\u042F\u0401\u4E00-\u9FFF]{4,12}$/;

// kept as typed (tidied) for display; compared and indexed by its canonical form
const plate = z
  .string({ error: "v.required" })
  .max(40, "v.plate")
  .transform(displayPlate)
  .refine((p) => CANONICAL_PLATE.test(canonicalPlate(p)), "v.plate");

/** ISO 3779; stored upper case without spaces or dashes. */
const vin = z
  .string({ error: "v.vin" })
  .max(40, "v.vin")
  .transform(canonicalVin)
  .pipe(z.string().regex(VIN_PATTERN, "v.vin"));

/** Free text a person types: one sanitiser (text.ts) refuses control and invisible characters. */
const freeText = (min: number, max: number, tooShort: string) =>
  z
    .string({ error: "v.required" })
    .trim()
    .min(min, tooShort)
    .max(max, "v.tooLong")
    .refine((s) => !hasControlCharacters(s), "v.controlCharacters");

/** Number formats: TIR carnet (2 letters + 8 digits), NCTS MRN (18 characters), eTIR guarantee reference. */
const TRANSIT_NUMBER: Record<Exclude<(typeof TRANSIT_DOCUMENT_TYPES)[number], "none">, RegExp> = {
  TIR: /^[A-Z]{2}\d{8}$/,
  NCTS: /^\d{2}[A-Z]{2}[A-Z0-9]{13}[0-9A-Z]$/,
  eTIR: /^[A-Z]{2}[A-Z0-9]{8,22}$/,
};

export const transitDocumentSchema = z
  .object({
    type: z.enum(TRANSIT_DOCUMENT_TYPES, { error: "v.transitType" }),
    number: z
      .string()
      .trim()
      .transform((n) => n.toUpperCase().replace(/\s/g, ""))
      .optional(),
  })
  .superRefine((doc, ctx) => {
    if (doc.type === "none") return;
    if (!doc.number || !TRANSIT_NUMBER[doc.type].test(doc.number)) {
      ctx.addIssue({ code: "custom", path: ["number"], message: `v.transitNumber.${doc.type}` });
    }
  });

export const declarationSchema = z
  .strictObject({
    checkpointId: z.string({ error: "v.required" }).min(1, "v.required").max(40),
    direction: z.enum(DIRECTIONS, { error: "v.direction" }),
    vehicle: z.strictObject({
      plate,
      country: z
        .string({ error: "v.required" })
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, "v.country"),
      trailerPlate: plate.optional(),
      vin: vin.optional(),
    }),
    // absent only for a driverless truck (issue 22), which no person drives and no phone is told about
    driver: z
      .strictObject({
        name: freeText(2, 100, "v.name"),
        phone: z
          .string({ error: "v.required" })
          .trim()
          .transform((p) => p.replace(/[\s()-]/g, ""))
          .pipe(z.string().regex(/^\+[1-9]\d{7,14}$/, "v.phone")),
      })
      .optional(),
    /** issue 22: a driverless truck, declared by its carrier's system; it names no driver and gives its VIN */
    driverless: z.boolean({ error: "v.driverless" }).optional(),
    cargo: z.strictObject({
      description: freeText(3, 500, "v.description"),
      hsCodes: z
        .array(
          z
            .string()
            .trim()
            .regex(/^\d{6,10}$/, "v.hsCode"),
          { error: "v.hsCode" },
        )
        .min(1, "v.hsCode")
        .max(20, "v.tooMany"),
      grossWeightKg: z
        .number({ error: "v.weight" })
        .int("v.weight")
        .min(1, "v.weight")
        .max(MAX_GROSS_WEIGHT_KG, "v.weight"),
      valueUsd: z.number({ error: "v.value" }).min(0, "v.value").max(100_000_000, "v.value").optional(),
      perishable: z.boolean().optional(),
      dangerousGoodsClass: z.enum(ADR_CLASSES, { error: "v.adrClass" }).optional(),
      humanitarian: z.boolean().optional(),
    }),
    transitDocument: transitDocumentSchema,
  })
  .superRefine((d, ctx) => {
    if (d.driverless) {
      if (d.driver) ctx.addIssue({ code: "custom", path: ["driver"], message: "v.driverlessNoDriver" });
      if (!d.vehicle.vin)
        ctx.addIssue({ code: "custom", path: ["vehicle", "vin"], message: "v.driverlessVin" });
    } else if (!d.driver) {
      ctx.addIssue({ code: "custom", path: ["driver"], message: "v.required" });
    }
  });

export type Declaration = z.infer<typeof declarationSchema>;
export type DeclarationInput = z.input<typeof declarationSchema>;

export function priorityClassOf(d: Declaration): PriorityClass {
  const transit = d.transitDocument.type !== "none";
  if (d.cargo.perishable && transit) return "perishableTransit";
  if (d.cargo.perishable) return "perishable";
  if (transit) return "transit";
  if (d.cargo.humanitarian) return "humanitarian";
  if (d.cargo.dangerousGoodsClass) return "dangerous";
  return "ordinary";
}

/** The unmanned green lane needs a complete declaration: the optional fields customs still wants. */
export function isDeclarationComplete(d: Declaration): boolean {
  return d.cargo.valueUsd !== undefined && d.vehicle.trailerPlate !== undefined;
}
