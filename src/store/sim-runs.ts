/**
 * Scenarios and simulation runs. A run is queued, then running, then done, failed or cancelled;
 * one that was queued or running when the server stopped is marked interrupted on the next start,
 * never left "running" for ever.
 */
import { nanoid } from "nanoid";
import type { DB } from "./db.ts";

export type RunStatus = "queued" | "running" | "done" | "failed" | "cancelled" | "interrupted";

export interface ScenarioRow {
  id: string;
  name: string;
  checkpoint_id: string | null;
  body: string;
  example: 0 | 1;
  /** the trace an arrivals kind "trace" replays */
  trace_id: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface RunRow {
  id: string;
  scenario_id: string;
  scenario: string;
  seed: number;
  replications: number;
  engine_version: string;
  trace_id: string | null;
  status: RunStatus;
  progress: number;
  result: string | null;
  error: string | null;
  created_by: string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
}

export interface StoredTrace {
  id: string;
  file: string;
  csv: string;
  row_count: number;
  created_by: string | null;
  created_at: number;
}

export function simRunStore(db: DB) {
  const insertScenario = db.prepare(
    `INSERT INTO scenarios (id, name, checkpoint_id, body, example, trace_id, created_by, created_at, updated_at)
     VALUES (@id, @name, @checkpoint_id, @body, @example, @trace_id, @created_by, @at, @at)`,
  );
  const scenarioById = db.prepare("SELECT * FROM scenarios WHERE id = ?");
  const scenarios = db.prepare("SELECT * FROM scenarios ORDER BY example DESC, updated_at DESC");
  const insertRun = db.prepare(
    `INSERT INTO sim_runs (id, scenario_id, scenario, seed, replications, engine_version, trace_id, status, created_by, created_at)
     VALUES (@id, @scenario_id, @scenario, @seed, @replications, @engine_version, @trace_id, 'queued', @created_by, @at)`,
  );
  const insertTrace = db.prepare(
    `INSERT INTO sim_traces (id, file, csv, row_count, created_by, created_at)
     VALUES (@id, @file, @csv, @row_count, @created_by, @at)`,
  );
  const traceById = db.prepare("SELECT * FROM sim_traces WHERE id = ?");
  const runById = db.prepare("SELECT * FROM sim_runs WHERE id = ?");
  const recent = db.prepare("SELECT * FROM sim_runs ORDER BY created_at DESC LIMIT ?");
  const lastRuns = db.prepare("SELECT scenario_id, max(created_at) AS at FROM sim_runs GROUP BY scenario_id");
  const nextQueued = db.prepare("SELECT * FROM sim_runs WHERE status = 'queued' ORDER BY created_at LIMIT 1");
  const start = db.prepare(
    "UPDATE sim_runs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'",
  );
  const progress = db.prepare("UPDATE sim_runs SET progress = ? WHERE id = ? AND status = 'running'");
  const finish = db.prepare(
    `UPDATE sim_runs SET status = @status, result = @result, error = @error, finished_at = @at,
       progress = CASE WHEN @status = 'done' THEN 1 ELSE progress END
     WHERE id = @id AND status IN ('queued', 'running')`,
  );
  const interrupt = db.prepare(
    `UPDATE sim_runs SET status = 'interrupted', finished_at = ?, error = 'the server stopped during the run'
     WHERE status IN ('queued', 'running')`,
  );

  return {
    saveScenario(
      s: {
        name: string;
        checkpointId?: string | null;
        body: unknown;
        example?: boolean;
        traceId?: string | null;
        by?: string;
      },
      at: number,
    ) {
      const id = nanoid(12);
      insertScenario.run({
        id,
        name: s.name,
        checkpoint_id: s.checkpointId ?? null,
        body: JSON.stringify(s.body),
        example: s.example ? 1 : 0,
        trace_id: s.traceId ?? null,
        created_by: s.by ?? null,
        at,
      });
      return id;
    },
    scenario: (id: string) => scenarioById.get(id) as ScenarioRow | undefined,
    scenarios: () => scenarios.all() as ScenarioRow[],
    queueRun(
      r: {
        scenarioId: string;
        scenario: unknown;
        seed: number;
        replications: number;
        engineVersion: string;
        traceId?: string | null;
        by?: string;
      },
      at: number,
    ) {
      const id = nanoid(12);
      insertRun.run({
        id,
        scenario_id: r.scenarioId,
        scenario: JSON.stringify(r.scenario),
        seed: r.seed,
        replications: r.replications,
        engine_version: r.engineVersion,
        trace_id: r.traceId ?? null,
        created_by: r.by ?? null,
        at,
      });
      return id;
    },
    /** Stores a trace parseTrace accepted; scenarios and runs refer to it by its id. */
    saveTrace(t: { file: string; csv: string; rowCount: number; by?: string }, at: number) {
      const id = nanoid(12);
      insertTrace.run({ id, file: t.file, csv: t.csv, row_count: t.rowCount, created_by: t.by ?? null, at });
      return id;
    },
    trace: (id: string) => traceById.get(id) as StoredTrace | undefined,
    run: (id: string) => runById.get(id) as RunRow | undefined,
    recentRuns: (limit: number) => recent.all(limit) as RunRow[],
    /** When each scenario was last run, by scenario id. */
    lastRunAt: () =>
      new Map((lastRuns.all() as { scenario_id: string; at: number }[]).map((r) => [r.scenario_id, r.at])),
    /** The oldest queued run, marked running; null when the queue is empty. */
    takeNext(at: number): RunRow | null {
      return db
        .transaction(() => {
          const row = nextQueued.get() as RunRow | undefined;
          if (!row || start.run(at, row.id).changes !== 1) return null;
          return { ...row, status: "running" as const, started_at: at };
        })
        .immediate();
    },
    setProgress: (id: string, fraction: number) => progress.run(Math.min(1, Math.max(0, fraction)), id),
    finish(
      id: string,
      outcome: { status: "done"; result: unknown } | { status: "failed" | "cancelled"; error: string },
      at: number,
    ) {
      return (
        finish.run({
          id,
          status: outcome.status,
          result: outcome.status === "done" ? JSON.stringify(outcome.result) : null,
          error: outcome.status === "done" ? null : outcome.error,
          at,
        }).changes === 1
      );
    },
    /** At start-up: what was queued or running belonged to a process that is gone. */
    markInterrupted: (at: number) => interrupt.run(at).changes,
  };
}
export type SimRunStore = ReturnType<typeof simRunStore>;
