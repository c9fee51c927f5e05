/** A refused pre-declaration as problem+json, the same for drivers' and carriers' platforms. */
import type { Context } from "hono";
import type { Translate } from "../../i18n/index.ts";
import type { DeclareOutcome } from "../../store/declare.ts";
import { problem } from "../problem.ts";

export function declareRefusal(c: Context, outcome: Extract<DeclareOutcome, { ok: false }>, t: Translate) {
  if (outcome.status === 422) {
    const message = t(outcome.reason);
    return problem(
      c,
      422,
      "Invalid request",
      `Some fields are not valid: ${outcome.field} (${message}). Nothing was saved.`,
      {
        errors: [{ field: outcome.field, message }],
      },
    );
  }
  // never the other crossing's code or link: they belong to whoever declared it
  return problem(c, 409, "Already on the way", `${t(outcome.reason)} Nothing was saved.`);
}
