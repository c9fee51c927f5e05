/**
 * The planners' run queue: one run at a time on a worker thread (the machine has two cores, and
 * the server needs one), progress written to the run's row as replications finish, cancel by
 * terminating the thread. Runs wait in the table, so a queue survives nothing but needs nothing
 * either: at start-up unfinished runs are marked interrupted (see simRunStore.markInterrupted).
 */
import { Worker } from "node:worker_threads";
import type { SimRunStore } from "../store/sim-runs.ts";
import type { RunMessage } from "./run-worker.ts";

const WORKER = new URL("./run-worker-boot.mjs", import.meta.url);

export function runQueue(runs: SimRunStore, now: () => number, log: (line: string) => void) {
  let current: { id: string; worker: Worker } | null = null;
  let stopped = false;

  const finish = (id: string, outcome: Parameters<SimRunStore["finish"]>[1]) => {
    runs.finish(id, outcome, now());
    current = null;
    if (!stopped) setImmediate(pump);
  };

  function pump() {
    if (current || stopped) return;
    const run = runs.takeNext(now());
    if (!run) return;
    const worker = new Worker(WORKER, {
      workerData: {
        scenario: JSON.parse(run.scenario),
        replications: run.replications,
        // the worker parses the CSV: a large trace then costs the server's thread nothing
        trace: run.trace_id ? (runs.trace(run.trace_id)?.csv ?? null) : null,
      },
    });
    current = { id: run.id, worker };
    worker.on("message", (m: RunMessage) => {
      if (m.kind === "progress") runs.setProgress(run.id, m.done / m.of);
      else if (m.kind === "done") finish(run.id, { status: "done", result: m.report });
      else finish(run.id, { status: "failed", error: m.error });
    });
    worker.on("error", (err) => {
      log(`simulation run ${run.id} failed: ${err.message}`);
      finish(run.id, { status: "failed", error: err.message });
    });
    worker.on("exit", () => {
      // a thread that ends without its report (terminated, crashed) leaves the run failed, not running
      if (current?.id === run.id)
        finish(run.id, { status: "failed", error: "the run stopped without a result" });
    });
  }

  return {
    /** Looks for queued runs; call after queueing one. */
    wake: () => pump(),
    cancel(id: string): boolean {
      const row = runs.run(id);
      if (!row) return false;
      if (current?.id === id) {
        const { worker } = current;
        runs.finish(id, { status: "cancelled", error: "cancelled by the planner" }, now());
        current = null;
        void worker.terminate();
        setImmediate(pump);
        return true;
      }
      return runs.finish(id, { status: "cancelled", error: "cancelled by the planner" }, now());
    },
    async stop() {
      stopped = true;
      await current?.worker.terminate();
    },
  };
}
export type RunQueue = ReturnType<typeof runQueue>;
