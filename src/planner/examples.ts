/** The example scenarios in seed/scenarios/, stored once as read-only examples planners copy. */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseScenario, parseTrace } from "../sim/index.ts";
import type { SimRunStore } from "../store/sim-runs.ts";

const DIR = fileURLToPath(new URL("../../seed/scenarios/", import.meta.url));

export function ensureExampleScenarios(runs: SimRunStore, at: number) {
  if (runs.scenarios().some((s) => s.example === 1)) return;
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const parsed = parseScenario(JSON.parse(readFileSync(DIR + file, "utf8")));
    if (!parsed.ok) throw new Error(`seed/scenarios/${file}: ${parsed.message}`);
    const checkpointId = file.startsWith("nur-zholy") ? "nur-zholy" : null;
    // a trace example's file sits beside it; stored with it so the example runs in the browser too
    const { arrivals } = parsed.scenario;
    let traceId: string | null = null;
    if (arrivals.kind === "trace") {
      const csv = readFileSync(DIR + arrivals.file, "utf8");
      const trace = parseTrace(csv);
      if (!trace.ok) throw new Error(`seed/scenarios/${arrivals.file}: ${trace.message}`);
      traceId = runs.saveTrace({ file: arrivals.file, csv, rowCount: trace.rows.length }, at);
    }
    runs.saveScenario(
      { name: parsed.scenario.name, checkpointId, body: parsed.scenario, example: true, traceId },
      at,
    );
  }
}
