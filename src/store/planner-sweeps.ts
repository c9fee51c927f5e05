/**
 * The planners' sweeps: queued, running (with how many replications are done), then done with the
 * report, or failed with the reason; one left unfinished by a stopped server is marked interrupted.
 */
import { nanoid } from "nanoid";
import type { DB } from "./db.ts";

export type SweepStatus = "queued" | "running" | "done" | "failed" | "interrupted";

export interface SweepRow {
  id: string;
  scenario_id: string;
  scenario: string;
  vary: string;
  replications: number;
  target_wait: number | null;
  trace_id: string | null;
  total: number;
  done: number;
  status: SweepStatus;
  report: string | null;
  error: string | null;
  created_by: string | null;
  created_at: number;
  finished_at: number | null;
}

export function plannerSweepStore(db: DB) {
  const insert = db.prepare(
    `INSERT INTO planner_sweeps (id, scenario_id, scenario, vary, replications, target_wait, trace_id, total, status, created_by, created_at)
     VALUES (@id, @scenario_id, @scenario, @vary, @replications, @target_wait, @trace_id, @total, 'queued', @created_by, @at)`,
  );
  const byId = db.prepare("SELECT * FROM planner_sweeps WHERE id = ?");
  const ofScenario = db.prepare(
    "SELECT * FROM planner_sweeps WHERE scenario_id = ? ORDER BY created_at DESC, id LIMIT 20",
  );
  const nextQueued = db.prepare(
    "SELECT * FROM planner_sweeps WHERE status = 'queued' ORDER BY created_at, id LIMIT 1",
  );
  const start = db.prepare("UPDATE planner_sweeps SET status = 'running' WHERE id = ? AND status = 'queued'");
  const progress = db.prepare("UPDATE planner_sweeps SET done = ? WHERE id = ? AND status = 'running'");
  const finish = db.prepare(
    `UPDATE planner_sweeps SET status = @status, report = @report, error = @error, finished_at = @at,
       done = CASE WHEN @status = 'done' THEN total ELSE done END
     WHERE id = @id AND status IN ('queued', 'running')`,
  );
  const interrupt = db.prepare(
    `UPDATE planner_sweeps SET status = 'interrupted', finished_at = ?, error = 'the server stopped during the sweep'
     WHERE status IN ('queued', 'running')`,
  );

  return {
    queue(
      s: {
        scenarioId: string;
        scenario: unknown;
        vary: string[];
        replications: number;
        targetWait?: number;
        traceId?: string | null;
        total: number;
        by?: string;
      },
      at: number,
    ): string {
      const id = nanoid(12);
      insert.run({
        id,
        scenario_id: s.scenarioId,
        scenario: JSON.stringify(s.scenario),
        vary: JSON.stringify(s.vary),
        replications: s.replications,
        target_wait: s.targetWait ?? null,
        trace_id: s.traceId ?? null,
        total: s.total,
        created_by: s.by ?? null,
        at,
      });
      return id;
    },
    sweep: (id: string) => byId.get(id) as SweepRow | undefined,
    ofScenario: (scenarioId: string) => ofScenario.all(scenarioId) as SweepRow[],
    /** The oldest queued sweep, marked running; null when none waits. */
    takeNext(): SweepRow | null {
      return db
        .transaction(() => {
          const row = nextQueued.get() as SweepRow | undefined;
          if (!row || start.run(row.id).changes !== 1) return null;
          return { ...row, status: "running" as const };
        })
        .immediate();
    },
    setDone: (id: string, done: number) => progress.run(done, id),
    finish(
      id: string,
      outcome: { status: "done"; report: unknown } | { status: "failed"; error: string },
      at: number,
    ) {
      return (
        finish.run({
          id,
          status: outcome.status,
          report: outcome.status === "done" ? JSON.stringify(outcome.report) : null,
          error: outcome.status === "done" ? null : outcome.error,
          at,
        }).changes === 1
      );
    },
    /** At start-up: what was queued or running belonged to a process that is gone. */
    markInterrupted: (at: number) => interrupt.run(at).changes,
  };
}
export type PlannerSweepStore = ReturnType<typeof plannerSweepStore>;
