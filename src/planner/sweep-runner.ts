/**
 * The planners' sweeps, run by the server one at a time on one simulation thread (the other core
 * serves requests), the count of finished replications written as they go. The sweep is planned
 * again from its stored row, so the report is the one `npm run sweep` gives for the same flags.
 */
import { runSweepLocally } from "../cli/sweep-local.ts";
import { parseScenario, parseTrace, type TraceRow } from "../sim/index.ts";
import type { PlannerSweepStore, SweepRow } from "../store/planner-sweeps.ts";
import type { SimRunStore } from "../store/sim-runs.ts";
import { planSweep, sweepReport } from "../sweep/index.ts";

export function sweepQueue(
  sweeps: PlannerSweepStore,
  runs: SimRunStore,
  now: () => number,
  log: (line: string) => void,
) {
  let busy = false;
  let stopped = false;

  async function run(row: SweepRow): Promise<void> {
    const parsed = parseScenario(JSON.parse(row.scenario));
    if (!parsed.ok) throw new Error(parsed.message);
    const plan = planSweep(
      parsed.scenario,
      JSON.parse(row.vary),
      row.replications,
      row.target_wait ?? undefined,
    );
    if (!plan.ok) throw new Error(plan.message);
    let trace: TraceRow[] | undefined;
    if (parsed.scenario.arrivals.kind === "trace") {
      const stored = row.trace_id ? runs.trace(row.trace_id) : undefined;
      if (!stored) throw new Error("the scenario replays a trace, and none is stored with it");
      const read = parseTrace(stored.csv);
      if (!read.ok) throw new Error(`the trace: ${read.message}`);
      trace = read.rows;
    }
    const started = performance.now();
    const outcomes = await runSweepLocally(plan.value, {
      threads: 1,
      trace,
      onDone: (done) => sweeps.setDone(row.id, done),
    });
    const report = {
      ...sweepReport(plan.value.input, outcomes),
      wallSeconds: Math.round(performance.now() - started) / 1000,
    };
    sweeps.finish(row.id, { status: "done", report }, now());
  }

  async function pump(): Promise<void> {
    if (busy || stopped) return;
    const row = sweeps.takeNext();
    if (!row) return;
    busy = true;
    try {
      await run(row);
    } catch (error) {
      log(`sweep ${row.id} failed: ${(error as Error).message}`);
      sweeps.finish(row.id, { status: "failed", error: (error as Error).message }, now());
    } finally {
      busy = false;
    }
    if (!stopped) setImmediate(() => void pump());
  }

  return {
    wake: () => void pump(),
    stop() {
      stopped = true;
    },
  };
}
