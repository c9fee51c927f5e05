/**
 * One simulation run on its own thread, so a long run never blocks the server's requests.
 * Receives the scenario and the replications; posts progress after each replication, then the report.
 */
import { parentPort, workerData } from "node:worker_threads";
import { parseScenario, simulate } from "../sim/index.ts";

export type RunMessage =
  | { kind: "progress"; done: number; of: number }
  | { kind: "done"; report: unknown }
  | { kind: "failed"; error: string };

const { scenario, replications } = workerData as { scenario: unknown; replications: number };
const post = (message: RunMessage) => parentPort?.postMessage(message);

const parsed = parseScenario(scenario);
if (!parsed.ok) {
  post({ kind: "failed", error: parsed.message });
} else {
  const started = performance.now();
  try {
    const report = simulate(parsed.scenario, replications, (done) =>
      post({ kind: "progress", done, of: replications }),
    );
    post({ kind: "done", report: { ...report, wallSeconds: (performance.now() - started) / 1000 } });
  } catch (err) {
    post({ kind: "failed", error: (err as Error).message });
  }
}
