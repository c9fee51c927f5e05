/**
 * The officer's buttons, each turned into exactly one machine event. Bad input (an unknown
 * action, a missing reason) is answered with a sentence, never an exception.
 */
import type { Actor, CrossingEvent } from "../../../machines/types.ts";
import { hasControlCharacters } from "../../domain/text.ts";

export const ACTIONS = [
  "arrive",
  "document-check",
  "send-to-scan",
  "scan-result",
  "send-to-inspection",
  "inspection-result",
  "hold",
  "resume",
  "release",
  "refuse",
  "prioritise",
  "void",
] as const;
export type Action = (typeof ACTIONS)[number];

export const isAction = (s: string): s is Action => (ACTIONS as readonly string[]).includes(s);

type Form = Record<string, unknown>;
const text = (form: Form, key: string, max = 500) =>
  typeof form[key] === "string" ? (form[key] as string).trim().slice(0, max) : "";

export function eventFor(
  action: Action,
  form: Form,
  at: number,
  actor: Actor,
): { ok: true; event: CrossingEvent } | { ok: false; reason: string } {
  const base = { at, actor };
  const ok = (event: CrossingEvent) => ({ ok: true as const, event });
  // the one sanitiser for free text: a reason read in the audit trail must read as it was typed
  for (const key of ["documents", "reason", "note"])
    if (typeof form[key] === "string" && hasControlCharacters(form[key] as string, true))
      return { ok: false, reason: "the text has control or invisible characters; type it again" };
  switch (action) {
    case "arrive":
      return ok({ ...base, type: "ARRIVE_AT_LANE" });
    case "document-check": {
      const passed = text(form, "passed");
      if (passed !== "yes" && passed !== "no")
        return { ok: false, reason: "say whether the documents passed" };
      const note = text(form, "note");
      return ok({
        ...base,
        type: "RECORD_DOCUMENT_CHECK",
        passed: passed === "yes",
        ...(note ? { note } : {}),
      });
    }
    case "send-to-scan":
      return ok({ ...base, type: "SEND_TO_SCAN" });
    case "scan-result": {
      const result = text(form, "result");
      if (result !== "clear" && result !== "suspicious")
        return { ok: false, reason: "the scan is clear or suspicious" };
      return ok({ ...base, type: "RECORD_SCAN", result });
    }
    case "send-to-inspection":
      return ok({ ...base, type: "SEND_TO_INSPECTION" });
    case "inspection-result": {
      const result = text(form, "result");
      if (result !== "passed" && result !== "failed")
        return { ok: false, reason: "the inspection passed or failed" };
      return ok({ ...base, type: "RECORD_INSPECTION", result });
    }
    case "hold":
      return ok({ ...base, type: "HOLD", documents: text(form, "documents") });
    case "resume":
      return ok({ ...base, type: "RESUME" });
    case "release":
      return ok({ ...base, type: "RELEASE" });
    case "refuse":
      return ok({ ...base, type: "REFUSE", reasonCode: text(form, "reason", 200) });
    case "prioritise":
      return ok({ ...base, type: "PRIORITISE", reason: text(form, "reason") });
    case "void":
      return ok({ ...base, type: "VOID", reason: text(form, "reason") });
  }
}
