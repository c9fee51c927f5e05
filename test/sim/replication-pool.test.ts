/** The command line's pool of simulation threads, called directly as another caller would. */
import { describe, expect, it } from "vitest";
import { runReplications } from "../../src/cli/replication-pool.ts";
import { runReplication } from "../../src/sim/model.ts";
import { mmc } from "./support.ts";

const small = { ...mmc(2, 6, 10, 48), warmupHours: 0 };

describe("the replication pool", () => {
  it("returns every replication in order, the same as running each in place, without a progress callback", async () => {
    const runs = await runReplications(small, 3);
    expect(runs.map((r) => [r.trucksArrived, r.wait.mean, r.wait.quantile(0.9)])).toEqual(
      [0, 1, 2].map((i) => {
        const r = runReplication(small, small.seed + i);
        return [r.trucksArrived, r.wait.mean, r.wait.quantile(0.9)];
      }),
    );
  }, 30_000);

  it("reports progress once per finished replication", async () => {
    const seen: number[] = [];
    await runReplications(small, 3, { onDone: (done) => seen.push(done) });
    expect(seen).toEqual([1, 2, 3]);
  }, 30_000);

  it("fails with the thread's reason when a replication fails, and can run again afterwards", async () => {
    // a trace replay whose trace was never loaded: every thread refuses it
    const broken = { ...small, arrivals: { kind: "trace" as const, file: "missing.csv" } };
    await expect(runReplications(broken, 2)).rejects.toThrow("arrivals.file: the trace was not loaded");
    expect((await runReplications(small, 2)).length).toBe(2);
  }, 30_000);
});
