/**
 * One simulation run on its own thread, so a long run never blocks the server's requests.
 * Receives the scenario, the replications and, for a replay, the trace's CSV; posts progress after
 * each replication, then the report.
 */
import { parentPort, workerData } from "node:worker_threads";
import { parseScenario, parseTrace, simulate, type TraceRow } from "../sim/index.ts";

export type RunMessage =
  | { kind: "progress"; done: number; of: number }
  | { kind: "done"; report: unknown }
  | { kind: "failed"; error: string };

const { scenario, replications, trace } = workerData as {
  scenario: unknown;
  replications: number;
  trace: string | null;
};
const post = (message: RunMessage) => parentPort?.postMessage(message);

function run(): RunMessage {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) return { kind: "failed", error: parsed.message };
  let rows: TraceRow[] | undefined;
  if (parsed.scenario.arrivals.kind === "trace") {
    if (trace === null)
      return { kind: "failed", error: "the scenario replays a trace, and none is stored with it" };
    const read = parseTrace(trace);
    if (!read.ok) return { kind: "failed", error: `the trace: ${read.message}` };
    rows = read.rows;
  }
  const started = performance.now();
  try {
    const report = simulate(
      parsed.scenario,
      replications,
      (done) => post({ kind: "progress", done, of: replications }),
      rows,
    );
    return { kind: "done", report: { ...report, wallSeconds: (performance.now() - started) / 1000 } };
  } catch (err) {
    return { kind: "failed", error: (err as Error).message };
  }
}

post(run());
