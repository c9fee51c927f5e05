/** Scenarios and runs on real SQLite: the run's life, and no run left "running" after a restart. */
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.ts";
import { simRunStore } from "../../src/store/sim-runs.ts";
import { seededDb, tempDbPath } from "./helpers.ts";

const AT = Date.UTC(2026, 10, 25, 6);
const body = { name: "M/M/c", seed: 1, hours: 100 };

describe("simulation runs", () => {
  it("go queued → running → done with their result, oldest first", () => {
    const runs = simRunStore(seededDb());
    const scenarioId = runs.saveScenario({ name: "M/M/c", body }, AT);
    const first = runs.queueRun(
      { scenarioId, scenario: body, seed: 1, replications: 2, engineVersion: "1" },
      AT,
    );
    const second = runs.queueRun(
      { scenarioId, scenario: body, seed: 2, replications: 2, engineVersion: "1" },
      AT + 1,
    );
    expect(runs.takeNext(AT + 2)?.id).toBe(first);
    runs.setProgress(first, 0.5);
    expect(runs.run(first)).toMatchObject({ status: "running", progress: 0.5 });
    expect(runs.finish(first, { status: "done", result: { trucksCompleted: 10 } }, AT + 3)).toBe(true);
    expect(runs.run(first)).toMatchObject({ status: "done", progress: 1, finished_at: AT + 3 });
    // a finished run cannot be finished again
    expect(runs.finish(first, { status: "failed", error: "late" }, AT + 4)).toBe(false);
    expect(runs.takeNext(AT + 5)?.id).toBe(second);
    expect(runs.takeNext(AT + 6)).toBeNull();
  });

  it("that were queued or running when the server stopped are marked interrupted on the next start", () => {
    const path = tempDbPath();
    const before = simRunStore(seededDb(path));
    const scenarioId = before.saveScenario({ name: "M/M/c", body }, AT);
    const running = before.queueRun(
      { scenarioId, scenario: body, seed: 1, replications: 1, engineVersion: "1" },
      AT,
    );
    const queued = before.queueRun(
      { scenarioId, scenario: body, seed: 2, replications: 1, engineVersion: "1" },
      AT,
    );
    before.takeNext(AT);

    const after = simRunStore(openDatabase(path));
    expect(after.markInterrupted(AT + 10)).toBe(2);
    expect(after.run(running)).toMatchObject({
      status: "interrupted",
      error: "the server stopped during the run",
    });
    expect(after.run(queued)?.status).toBe("interrupted");
  });
});
