/** A sweep run on this machine's threads: every (combination, replication), outcomes in order. */
import type { TraceRow } from "../sim/index.ts";
import type { ReplicationOutcome, SweepPlan } from "../sweep/index.ts";
import { threadPool } from "./sweep-pool.ts";

export async function runSweepLocally(
  plan: SweepPlan,
  opts: { threads?: number; trace?: TraceRow[]; onDone?: (done: number) => void } = {},
): Promise<ReplicationOutcome[][]> {
  const n = plan.input.replications;
  const pool = threadPool(Math.min(opts.threads ?? Number.POSITIVE_INFINITY, plan.combinations.length * n));
  const trace = opts.trace ? { key: "local", rows: opts.trace } : undefined;
  let done = 0;
  try {
    return await Promise.all(
      plan.combinations.map((c) =>
        Promise.all(
          Array.from({ length: n }, async (_, i) => {
            // common random numbers: replication i is seeded seed + i in every combination
            const outcome = await pool.run({ scenario: c.scenario, seed: c.scenario.seed + i, trace });
            done++;
            opts.onDone?.(done);
            return outcome;
          }),
        ),
      ),
    );
  } finally {
    await pool.close();
  }
}
