/**
 * Replications in parallel on worker threads (one per core, at most one per replication). Each
 * replication keeps its own seed (seed + i), and results are combined in replication order, so
 * the report is the same as a sequential run's, however many threads ran it.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type RunResult, reviveRunResult } from "../sim/run-result.ts";
import type { Scenario } from "../sim/scenario.ts";
import type { TraceRow } from "../sim/trace.ts";
import { type ReplicationReply, runOne } from "./replication.ts";

const WORKER = new URL("./replication-worker-boot.mjs", import.meta.url);

export async function runReplications(
  scenario: Scenario,
  replications: number,
  opts: { trace?: readonly TraceRow[]; csvDir?: string; onDone?: (done: number) => void } = {},
): Promise<RunResult[]> {
  const results: RunResult[] = new Array(replications);
  // one replication: no thread to start, which would cost more than it saves
  if (replications === 1) {
    results[0] = runOne({ index: 0, seed: scenario.seed }, scenario, opts.trace, opts.csvDir);
    opts.onDone?.(1);
    return results;
  }
  const threads = Math.min(replications, availableParallelism());
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (w: Worker) => {
        if (next < replications) {
          w.postMessage({ index: next, seed: scenario.seed + next });
          next++;
        }
      };
      for (let i = 0; i < threads; i++) {
        const w = new Worker(WORKER, {
          workerData: { scenario, trace: opts.trace, csvDir: opts.csvDir },
        });
        workers.push(w);
        w.on("error", reject);
        // a thread that stops without an error (killed, out of memory) would otherwise leave the run waiting
        w.on("exit", (code) => {
          if (done < replications) reject(new Error(`a simulation thread stopped with exit code ${code}`));
        });
        w.on("message", (reply: ReplicationReply) => {
          if ("error" in reply) return reject(new Error(reply.error));
          results[reply.index] = reviveRunResult(reply.result);
          // counted outside the optional call: `onDone?.(++done)` would skip the count without a callback
          done++;
          opts.onDone?.(done);
          if (done === replications) resolve();
          else feed(w);
        });
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
