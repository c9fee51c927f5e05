/** The run queue with real worker threads and a real database: runs finish, report progress, cancel. */
import { describe, expect, it } from "vitest";
import { runQueue } from "../../src/planner/runner.ts";
import { simRunStore } from "../../src/store/sim-runs.ts";
import { seededDb } from "../store/helpers.ts";

const mm1 = (hours: number) => ({
  name: "M/M/1",
  seed: 11,
  hours,
  warmupHours: 10,
  arrivals: { kind: "poisson", perHour: 6 },
  channels: { green: 1, yellow: 0, red: 0 },
  priorityShare: 0,
  resources: { documentLanes: 1, scanners: 0, inspectionBays: 0 },
  serviceMinutes: {
    documentCheck: { dist: "exponential", mean: 8 },
    scan: { dist: "exponential", mean: 10 },
    physicalInspection: { dist: "exponential", mean: 40 },
  },
});

async function until(check: () => boolean, ms = 30_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("the planners' run queue", () => {
  it("runs a queued scenario on a worker thread and stores its report", async () => {
    const runs = simRunStore(seededDb());
    const queue = runQueue(runs, Date.now, () => {});
    const scenarioId = runs.saveScenario({ name: "M/M/1", body: mm1(500) }, Date.now());
    const id = runs.queueRun(
      { scenarioId, scenario: mm1(500), seed: 11, replications: 3, engineVersion: "test" },
      Date.now(),
    );
    queue.wake();
    await until(() => runs.run(id)?.status !== "running" && runs.run(id)?.status !== "queued");
    const run = runs.run(id);
    expect(run).toMatchObject({ status: "done", progress: 1 });
    const report = JSON.parse(run?.result ?? "{}");
    expect(report).toMatchObject({ scenario: "M/M/1", replications: 3 });
    expect(report.waitMinutes.ci95).toHaveLength(2);
    await queue.stop();
  });

  it("cancels a long run at once and goes on with the next", async () => {
    const runs = simRunStore(seededDb());
    const queue = runQueue(runs, Date.now, () => {});
    const scenarioId = runs.saveScenario({ name: "M/M/1", body: mm1(1e7) }, Date.now());
    const long = runs.queueRun(
      { scenarioId, scenario: mm1(1e7), seed: 1, replications: 1, engineVersion: "test" },
      Date.now(),
    );
    const next = runs.queueRun(
      { scenarioId, scenario: mm1(200), seed: 2, replications: 1, engineVersion: "test" },
      Date.now() + 1,
    );
    queue.wake();
    await until(() => runs.run(long)?.status === "running");
    expect(queue.cancel(long)).toBe(true);
    expect(runs.run(long)?.status).toBe("cancelled");
    await until(() => runs.run(next)?.status === "done");
    await queue.stop();
  });

  it("fails a run whose scenario the schema refuses, with the field named", async () => {
    const runs = simRunStore(seededDb());
    const queue = runQueue(runs, Date.now, () => {});
    const bad = { ...mm1(10), hours: -1 };
    const scenarioId = runs.saveScenario({ name: "bad", body: bad }, Date.now());
    const id = runs.queueRun(
      { scenarioId, scenario: bad, seed: 1, replications: 1, engineVersion: "test" },
      Date.now(),
    );
    queue.wake();
    await until(() => runs.run(id)?.status === "failed");
    expect(runs.run(id)?.error).toMatch(/^hours:/);
    await queue.stop();
  });
});
