/** One replication as the command line runs it, on a worker thread or (for a single one) in place. */
import { runReplication } from "../sim/model.ts";
import type { RunResult } from "../sim/run-result.ts";
import type { Scenario } from "../sim/scenario.ts";
import type { TraceRow } from "../sim/trace.ts";
import { lineWriter, partFile, truckLine } from "./sim-csv.ts";

export interface ReplicationJob {
  index: number;
  seed: number;
}
export type ReplicationReply = { index: number; result: RunResult } | { index: number; error: string };

/** Runs one replication; with `dir`, its trucks go to the replication's part file as they leave. */
export function runOne(job: ReplicationJob, s: Scenario, t?: readonly TraceRow[], dir?: string): RunResult {
  if (!dir) return runReplication(s, job.seed, t);
  const out = lineWriter(partFile(dir, job.index));
  try {
    return runReplication(s, job.seed, t, (record) => out.write(truckLine(job.index + 1, record)));
  } finally {
    out.close();
  }
}
