/**
 * A sweep's combinations: every choice of one value per varied field (the first field outermost),
 * each a whole scenario checked by the simulator's own schema before anything runs. Pure.
 */
import { parseScenario, type Scenario } from "../sim/index.ts";
import type { Parsed, Vary } from "./vary.ts";

export interface Combination {
  /** the varied fields' values, in the order the fields were given */
  values: Record<string, number>;
  scenario: Scenario;
}

// a sweep is at most this many combinations; each is replications times a whole run
export const MAX_COMBINATIONS = 10_000;

type Node = Record<string, unknown>;

/** The field's holder and key, when the path names a number the scenario has. */
function numberAt(root: unknown, path: string): { holder: Node; key: string } | string {
  const parts = path.split(".");
  let at: unknown = root;
  for (const [i, key] of parts.entries()) {
    if (typeof at !== "object" || at === null || Array.isArray(at) || !Object.hasOwn(at, key))
      return `unknown field ${path} (the scenario has no ${parts.slice(0, i + 1).join(".")})`;
    if (i === parts.length - 1) {
      const holder = at as Node;
      return typeof holder[key] === "number" ? { holder, key } : `${path} is not a number in the scenario`;
    }
    at = (at as Node)[key];
  }
  return `unknown field ${path}`;
}

/** The scenario with one value set per field, as a fresh object (the base is never changed). */
export function withValues(base: Scenario, values: Record<string, number>): unknown {
  const copy = structuredClone(base) as unknown;
  for (const [field, value] of Object.entries(values)) {
    const at = numberAt(copy, field);
    if (typeof at === "string") throw new Error(at);
    at.holder[at.key] = value;
  }
  return copy;
}

export function expandSweep(base: Scenario, varies: readonly Vary[]): Parsed<Combination[]> {
  for (const v of varies) {
    const at = numberAt(base, v.field);
    if (typeof at === "string") return { ok: false, message: `--vary ${v.field}: ${at}` };
  }
  const total = varies.reduce((n, v) => n * v.values.length, 1);
  if (total > MAX_COMBINATIONS)
    return { ok: false, message: `${total} combinations: at most ${MAX_COMBINATIONS} in one sweep` };
  const out: Combination[] = [];
  for (let index = 0; index < total; index++) {
    const values: Record<string, number> = {};
    let rest = index;
    // the last field changes fastest, as in nested loops written in the flags' order
    for (let f = varies.length - 1; f >= 0; f--) {
      const v = varies[f] as Vary;
      values[v.field] = v.values[rest % v.values.length] as number;
      rest = Math.floor(rest / v.values.length);
    }
    const ordered = Object.fromEntries(varies.map((v) => [v.field, values[v.field] as number]));
    const parsed = parseScenario(withValues(base, ordered));
    if (!parsed.ok) {
      const named = Object.entries(ordered)
        .map(([k, x]) => `${k}=${x}`)
        .join(", ");
      return { ok: false, message: `--vary: the scenario refuses ${named}\n${parsed.message}` };
    }
    out.push({ values: ordered, scenario: parsed.scenario });
  }
  return { ok: true, value: out };
}
