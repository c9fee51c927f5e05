/**
 * A sweep run on workers: one job per (combination, replication) queued through pg-boss, then the
 * results waited for in sweep_results; the outcomes come back in (combination, replication) order,
 * so the report is the one a local run makes. A job failed past its retries ends the sweep with
 * pg-boss's reason, and the sweep's other jobs are cancelled.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import type { TraceRow } from "../sim/index.ts";
import type { ReplicationOutcome, SweepPlan } from "../sweep/index.ts";
import { type ReplicationJobData, startBoss } from "./boss.ts";
import {
  countResults,
  createSweep,
  ensureTables,
  failedJob,
  finishSweep,
  loadResults,
  QUEUE,
} from "./tables.ts";

export class SweepFailed extends Error {}

export interface WorkerSweepOptions {
  trace?: TraceRow[];
  onQueued?: (sweep: string, jobs: number) => void;
  onDone?: (done: number) => void;
  /** a job running longer than this is taken to be lost (its worker died) and retried */
  jobTimeoutSeconds?: number;
  /** how many times a failed or lost job runs again before the sweep fails */
  retryLimit?: number;
  pollMs?: number;
}

export async function runSweepOnWorkers(
  url: string,
  plan: SweepPlan,
  opts: WorkerSweepOptions = {},
): Promise<{ sweep: string; outcomes: ReplicationOutcome[][]; workers: string[] }> {
  const boss = await startBoss(url);
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const sweep = randomUUID();
  const n = plan.input.replications;
  const total = plan.combinations.length * n;
  try {
    await ensureTables(db);
    await createSweep(db, {
      id: sweep,
      scenario: plan.input.scenario,
      combinations: plan.combinations.length,
      replications: n,
      trace: opts.trace,
    });
    const ids: string[] = [];
    const jobs = plan.combinations.flatMap((c) =>
      Array.from({ length: n }, (_, i) => {
        const id = randomUUID();
        ids.push(id);
        const data: ReplicationJobData = {
          sweep,
          scenarioHash: c.scenarioHash,
          replication: i,
          // common random numbers: replication i is seeded seed + i in every combination
          seed: c.scenario.seed + i,
          scenario: c.scenario,
          trace: opts.trace !== undefined,
        };
        return {
          id,
          name: QUEUE,
          data,
          retryLimit: opts.retryLimit ?? 2,
          expireInSeconds: opts.jobTimeoutSeconds ?? 900,
        };
      }),
    );
    for (let at = 0; at < jobs.length; at += 500) await boss.insert(jobs.slice(at, at + 500));
    opts.onQueued?.(sweep, jobs.length);

    let done = 0;
    for (;;) {
      const now = await countResults(db, sweep);
      if (now !== done) {
        done = now;
        opts.onDone?.(done);
      }
      if (done >= total) break;
      const failed = await failedJob(db, sweep);
      if (failed) {
        const which = plan.combinations.find((c) => c.scenarioHash === failed.data.scenarioHash);
        const named = Object.entries(which?.values ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(", ");
        const reason = `replication ${failed.data.replication + 1} of ${named} failed after its retries: ${failed.reason}`;
        for (let at = 0; at < ids.length; at += 500) await boss.cancel(QUEUE, ids.slice(at, at + 500));
        await finishSweep(db, sweep, reason);
        throw new SweepFailed(reason);
      }
      await sleep(opts.pollMs ?? 250);
    }

    const index = new Map(plan.combinations.map((c, i) => [c.scenarioHash, i]));
    const outcomes: ReplicationOutcome[][] = plan.combinations.map(() => new Array(n));
    const workers = new Set<string>();
    for (const row of await loadResults(db, sweep)) {
      const c = index.get(row.scenario_hash.trim());
      if (c === undefined) throw new Error(`a result for an unknown scenario ${row.scenario_hash}`);
      (outcomes[c] as ReplicationOutcome[])[row.replication] = row.outcome;
      workers.add(row.worker);
    }
    await finishSweep(db, sweep, null);
    return { sweep, outcomes, workers: [...workers].sort() };
  } finally {
    await boss.stop({ graceful: false, wait: true });
    await db.end();
  }
}
