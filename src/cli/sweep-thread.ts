/**
 * One simulation thread of a sweep (local, or in `npm run sim-worker`): runs the replications it is
 * sent, whatever their scenario, and posts back each one's outcome, small enough to store.
 * A trace is sent once per thread and kept by its key.
 */
import { parentPort } from "node:worker_threads";
import { runReplication, type Scenario, type TraceRow } from "../sim/index.ts";
import { outcomeOf, type ReplicationOutcome } from "../sweep/index.ts";

export interface ThreadJob {
  id: number;
  scenario: Scenario;
  seed: number;
  trace?: { key: string; rows?: TraceRow[] };
}
export type ThreadReply = { id: number; outcome: ReplicationOutcome } | { id: number; error: string };

const traces = new Map<string, TraceRow[]>();

parentPort?.on("message", (job: ThreadJob) => {
  let reply: ThreadReply;
  try {
    if (job.trace?.rows) traces.set(job.trace.key, job.trace.rows);
    const rows = job.trace ? traces.get(job.trace.key) : undefined;
    if (job.trace && !rows) throw new Error(`the trace ${job.trace.key} never reached this thread`);
    reply = { id: job.id, outcome: outcomeOf(runReplication(job.scenario, job.seed, rows)) };
  } catch (error) {
    reply = { id: job.id, error: (error as Error).message };
  }
  parentPort?.postMessage(reply);
});
