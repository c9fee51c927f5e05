/**
 * Where a sweep on workers keeps its state in PostgreSQL: pg-boss's jobs, and beside them in the
 * same schema our two tables, `sweep_sweeps` (what was asked) and `sweep_results` (one row per
 * replication, its primary key making a result stored twice impossible).
 */
import type pg from "pg";
import type { TraceRow } from "../sim/index.ts";
import type { ReplicationOutcome } from "../sweep/index.ts";

/** pg-boss's schema and ours: not pg-boss's default `pgboss`, so another user of the database keeps its own. */
export const SCHEMA = "sweep_jobs";
/** one job per (combination, replication) */
export const QUEUE = "sweep-replication";

const DDL = `
create table if not exists ${SCHEMA}.sweep_sweeps (
  id uuid primary key,
  scenario text not null,
  combinations int not null check (combinations > 0),
  replications int not null check (replications > 0),
  trace json,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  failure text
);
create table if not exists ${SCHEMA}.sweep_results (
  sweep uuid not null references ${SCHEMA}.sweep_sweeps (id) on delete cascade,
  scenario_hash char(64) not null,
  replication int not null check (replication >= 0),
  -- json, not jsonb: the text is kept as written, so every double comes back the same bits
  outcome json not null,
  worker text not null,
  stored_at timestamptz not null default now(),
  primary key (sweep, scenario_hash, replication)
);`;

/** Creates our tables once (pg-boss has made the schema); a lock keeps two machines from racing. */
export async function ensureTables(db: pg.Pool): Promise<void> {
  const client = await db.connect();
  try {
    await client.query("begin");
    await client.query("select pg_advisory_xact_lock(hashtext('sweep_jobs.tables'))");
    await client.query(DDL);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
}

export async function createSweep(
  db: pg.Pool,
  sweep: { id: string; scenario: string; combinations: number; replications: number; trace?: TraceRow[] },
): Promise<void> {
  await db.query(
    `insert into ${SCHEMA}.sweep_sweeps (id, scenario, combinations, replications, trace) values ($1, $2, $3, $4, $5)`,
    [
      sweep.id,
      sweep.scenario,
      sweep.combinations,
      sweep.replications,
      sweep.trace ? JSON.stringify(sweep.trace) : null,
    ],
  );
}

export async function sweepTrace(db: pg.Pool, sweep: string): Promise<TraceRow[] | null> {
  const { rows } = await db.query(`select trace from ${SCHEMA}.sweep_sweeps where id = $1`, [sweep]);
  return (rows[0]?.trace as TraceRow[] | null | undefined) ?? null;
}

/** Stores a replication's outcome unless it is already there: true when this call stored it. */
export async function storeResult(
  db: pg.Pool,
  r: {
    sweep: string;
    scenarioHash: string;
    replication: number;
    outcome: ReplicationOutcome;
    worker: string;
  },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `insert into ${SCHEMA}.sweep_results (sweep, scenario_hash, replication, outcome, worker)
     values ($1, $2, $3, $4, $5) on conflict do nothing`,
    [r.sweep, r.scenarioHash, r.replication, JSON.stringify(r.outcome), r.worker],
  );
  return rowCount === 1;
}

export async function countResults(db: pg.Pool, sweep: string): Promise<number> {
  const { rows } = await db.query(`select count(*)::int as n from ${SCHEMA}.sweep_results where sweep = $1`, [
    sweep,
  ]);
  return rows[0].n as number;
}

export async function loadResults(
  db: pg.Pool,
  sweep: string,
): Promise<{ scenario_hash: string; replication: number; outcome: ReplicationOutcome; worker: string }[]> {
  const { rows } = await db.query(
    `select scenario_hash, replication, outcome, worker from ${SCHEMA}.sweep_results where sweep = $1`,
    [sweep],
  );
  return rows;
}

/**
 * A job of this sweep that failed past its retries, with pg-boss's reason, if any has; one whose
 * result was stored all the same (its worker died after storing it) is no failure.
 */
export async function failedJob(
  db: pg.Pool,
  sweep: string,
): Promise<{ data: { scenarioHash: string; replication: number }; reason: string } | null> {
  const { rows } = await db.query(
    `select data, output from ${SCHEMA}.job
     where name = $1 and state = 'failed' and data->>'sweep' = $2
       and not exists (select 1 from ${SCHEMA}.sweep_results r
         where r.sweep = ($2)::uuid and r.scenario_hash = job.data->>'scenarioHash'
           and r.replication = (job.data->>'replication')::int)
     limit 1`,
    [QUEUE, sweep],
  );
  const row = rows[0];
  if (!row) return null;
  const output = row.output as { message?: string; value?: { message?: string } } | null;
  const reason = output?.message ?? output?.value?.message ?? JSON.stringify(output);
  return { data: row.data, reason };
}

export async function finishSweep(db: pg.Pool, sweep: string, failure: string | null): Promise<void> {
  await db.query(`update ${SCHEMA}.sweep_sweeps set finished_at = now(), failure = $2 where id = $1`, [
    sweep,
    failure,
  ]);
}
