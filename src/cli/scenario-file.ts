/**
 * A scenario file as the command line reads it: JSON, checked by the simulator's schema, and for a
 * trace replay the trace CSV beside it (its path relative to the scenario), read and checked whole.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseScenario, parseTrace, type Scenario, type TraceRow } from "../sim/index.ts";

export type ScenarioFile =
  | { ok: true; scenario: Scenario; trace?: TraceRow[] }
  | { ok: false; message: string };

export function readScenarioFile(path: string): ScenarioFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    return { ok: false, message: `${path}: ${(error as Error).message}` };
  }
  const parsed = parseScenario(raw);
  if (!parsed.ok) return { ok: false, message: `${path}: invalid scenario\n${parsed.message}` };
  if (parsed.scenario.arrivals.kind !== "trace") return { ok: true, scenario: parsed.scenario };
  const file = resolve(dirname(path), parsed.scenario.arrivals.file);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return { ok: false, message: `arrivals.file: ${(error as Error).message}` };
  }
  const trace = parseTrace(text);
  if (!trace.ok) return { ok: false, message: `${file}: ${trace.message}` };
  return { ok: true, scenario: parsed.scenario, trace: trace.rows };
}
