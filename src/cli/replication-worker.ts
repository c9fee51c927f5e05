/**
 * One of the command line's simulation threads: runs the replications it is sent, one at a time,
 * and posts each result back; with `--csv` it writes the replication's trucks to their part file.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Scenario } from "../sim/scenario.ts";
import type { TraceRow } from "../sim/trace.ts";
import { type ReplicationReply, runOne } from "./replication.ts";

const { scenario, trace, csvDir } = workerData as {
  scenario: Scenario;
  trace?: TraceRow[];
  csvDir?: string;
};

parentPort?.on("message", (job: { index: number; seed: number }) => {
  let reply: ReplicationReply;
  try {
    reply = { index: job.index, result: runOne(job, scenario, trace, csvDir) };
  } catch (error) {
    reply = { index: job.index, error: (error as Error).message };
  }
  parentPort?.postMessage(reply);
});
