/**
 * A machine's share of sweeps: takes one replication per fetch (batchSize 1, so one throwing job
 * fails alone), runs it on a free simulation thread, and stores its outcome once. One pg-boss
 * poller per thread keeps every thread busy.
 */
import { hostname } from "node:os";
import pg from "pg";
import type PgBoss from "pg-boss";
import type { ThreadPool } from "../cli/sweep-pool.ts";
import { parseScenario, type TraceRow } from "../sim/index.ts";
import { scenarioHash } from "../sweep/index.ts";
import { type ReplicationJobData, startBoss } from "./boss.ts";
import { ensureTables, QUEUE, storeResult, sweepTrace } from "./tables.ts";

export async function startSimWorker(
  url: string,
  pool: ThreadPool,
  opts: { name?: string; log?: (line: string) => void; pollingSeconds?: number } = {},
) {
  const name = opts.name ?? `${hostname()}:${process.pid}`;
  const log = opts.log ?? (() => {});
  const boss = await startBoss(url);
  const db = new pg.Pool({ connectionString: url, max: 2 });
  await ensureTables(db);
  const traces = new Map<string, Promise<TraceRow[] | null>>();

  async function runJob(job: PgBoss.Job<ReplicationJobData>): Promise<void> {
    const d = job.data;
    log(`took job ${job.id}: sweep ${d.sweep} replication ${d.replication}`);
    // the scenario is checked again here: a worker running other code refuses what it cannot run
    const parsed = parseScenario(d.scenario);
    if (!parsed.ok) throw new Error(`the scenario is refused here: ${parsed.message}`);
    if (scenarioHash(parsed.scenario) !== d.scenarioHash)
      throw new Error("the scenario does not match its hash (a worker of another version?)");
    let trace: { key: string; rows: TraceRow[] } | undefined;
    if (d.trace) {
      if (!traces.has(d.sweep)) traces.set(d.sweep, sweepTrace(db, d.sweep));
      const rows = await traces.get(d.sweep);
      if (!rows) throw new Error("the sweep's trace is not stored");
      trace = { key: d.sweep, rows };
    }
    const outcome = await pool.run({ scenario: parsed.scenario, seed: d.seed, trace });
    const stored = await storeResult(db, {
      sweep: d.sweep,
      scenarioHash: d.scenarioHash,
      replication: d.replication,
      outcome,
      worker: name,
    });
    log(
      `${stored ? "stored" : "already stored"} job ${job.id}: sweep ${d.sweep} replication ${d.replication}`,
    );
  }

  for (let i = 0; i < pool.size; i++)
    await boss.work<ReplicationJobData>(
      QUEUE,
      { batchSize: 1, pollingIntervalSeconds: opts.pollingSeconds ?? 1 },
      async ([job]) => {
        if (job) await runJob(job);
      },
    );

  return {
    name,
    async stop(): Promise<void> {
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      await db.end();
    },
  };
}
