/**
 * The reasons a driver reads in a notice, as dictionary keys: the reason codes officers pick, and the
 * reasons the system writes (a lowered daily limit), each with a translation. Anything else is an
 * officer's own words, shown as such, labelled as the officer's note, never passed off as the
 * interface's sentence. Pure.
 */

/** Refusal and hold codes with a translation in every dictionary (`r.<code>`). */
export const REASON_CODES = [
  "DOCS-INVALID",
  "DOCS-MISSING",
  "CARGO-MISMATCH",
  "VEHICLE-MISMATCH",
  "PROHIBITED-GOODS",
  "SANCTIONS",
] as const;

export interface ReasonText {
  key: string;
  vars: Record<string, string | number>;
}

const DAILY_LIMIT = /^daily limit lowered to (\d+)$/;
/** the hub's cancel of a duplicate (issue 17), with the command's id the post appends */
const DECLARED_ELSEWHERE = /^the vehicle was declared earlier at (.+?)(?: \(hub command [^)]*\))?$/;

export function reasonText(reason: string): ReasonText {
  const code = reason.trim().toUpperCase();
  if ((REASON_CODES as readonly string[]).includes(code)) return { key: `r.${code}`, vars: {} };
  const limit = DAILY_LIMIT.exec(reason.trim());
  if (limit) return { key: "r.dailyLimit", vars: { n: Number(limit[1]) } };
  const elsewhere = DECLARED_ELSEWHERE.exec(reason.trim());
  if (elsewhere) return { key: "r.declaredElsewhere", vars: { post: elsewhere[1] as string } };
  if (reason === "driver") return { key: "r.driver", vars: {} };
  return { key: "r.note", vars: { note: reason } };
}
