/**
 * Validation failures at the API's edge, as RFC 9457 problems with one entry per bad field.
 * Schemas carry dictionary keys as messages (`v.*`); `describe` turns them into sentences.
 */
import type { Context } from "hono";
import type { z } from "zod";
import { problem } from "../problem.ts";

export type Describe = (messageKey: string, c: Context) => string;

/** Until a dictionary is plugged in, a key is shown as it is. */
let describe: Describe = (key) => key;
export function setValidationDescriber(fn: Describe) {
  describe = fn;
}

export function fieldErrors(error: z.ZodError, c: Context) {
  return error.issues.map((issue) => ({
    field: issue.path.join(".") || "(body)",
    message: describe(issue.message, c),
  }));
}

/** The hook every OpenAPI route uses when its input does not match the schema. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const errors = fieldErrors(result.error, c);
  return problem(
    c,
    422,
    "Invalid request",
    `Some fields are not valid: ${errors.map((e) => `${e.field} (${e.message})`).join("; ")}. Nothing was saved.`,
    { errors },
  );
}
