/**
 * Sweeps on workers, with a real throw-away PostgreSQL and real `npm run sim-worker` processes: the
 * report is the local one byte for byte, a worker killed with SIGKILL mid-job costs a retry and
 * nothing else, a job failing past its retries ends the sweep with its reason.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../scripts/pg-throwaway.ts";
import { parseScenario } from "../../src/sim/index.ts";
import { planSweep } from "../../src/sweep/index.ts";
import { startBoss } from "../../src/sweep-queue/boss.ts";
import { runSweepOnWorkers, SweepFailed } from "../../src/sweep-queue/coordinator.ts";
import { createSweep, ensureTables, SCHEMA, storeResult } from "../../src/sweep-queue/tables.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const run = promisify(execFile);
const sweepCli = (args: string[], url: string) =>
  run(process.execPath, ["--import", "tsx", "src/cli/sweep.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, SWEEP_DATABASE_URL: url },
    maxBuffer: 16 * 1024 * 1024,
  });

const BASELINE = "seed/scenarios/nur-zholy-baseline.json";
const ARGS = [
  ...["--scenario", BASELINE, "--hours", "48", "--replications", "5"],
  ...["--vary", "resources.scanners=1..2", "--vary", "resources.inspectionBays=5..6", "--target-wait", "120"],
  "--json",
  "-",
];

/** A sim-worker process and the lines it has printed so far. */
function startWorker(url: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/sim-worker.ts", "--threads", "1"], {
    cwd: ROOT,
    env: { ...process.env, SWEEP_DATABASE_URL: url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: string[] = [];
  const waiters: { test: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  let rest = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    const parts = (rest + chunk.toString()).split("\n");
    rest = parts.pop() ?? "";
    for (const line of parts) {
      lines.push(line);
      for (const w of [...waiters])
        if (w.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
    }
  });
  const next = (test: (l: string) => boolean) =>
    new Promise<string>((resolve) => {
      const seen = lines.find(test);
      if (seen) resolve(seen);
      else waiters.push({ test, resolve });
    });
  return { child, lines, next, name: `${hostname()}:${child.pid}` };
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

describe("a sweep on sim-workers through PostgreSQL", () => {
  let cluster: ThrowawayPostgres;
  let url: string;
  let db: pg.Pool;
  const workers: ReturnType<typeof startWorker>[] = [];

  beforeAll(async () => {
    cluster = await startThrowawayPostgres();
    url = await cluster.createDatabase("sweeps");
    db = new pg.Pool({ connectionString: url, max: 2 });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => stop(w.child)));
    await db?.end();
    await cluster?.stop();
  });

  it("refuses a bad --vary with exit code 2 before anything is queued", async () => {
    const failed = await sweepCli(["--scenario", BASELINE, "--vary", "resources.scanners=0..1001"], url).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toMatch(/--vary resources.scanners=0..1001: |refuses resources.scanners=1001/);
    // not even pg-boss's schema exists: the flags were refused before the database was touched
    const { rows } = await db.query("select 1 from pg_namespace where nspname = $1", [SCHEMA]);
    expect(rows).toEqual([]);
  }, 120_000);

  it("gives the local report byte for byte, although one of two workers is killed mid-job", async () => {
    const local = await sweepCli(ARGS, "");

    // The doomed worker runs alone until it has stored one replication and taken the next: killed
    // while it runs that one. The steady worker starts only then, so no start-up race can leave the
    // doomed one without a job; it takes the rest, and the killed job once its timeout has passed.
    const doomed = startWorker(url);
    workers.push(doomed);
    await doomed.next((l) => l.startsWith("sim-worker "));
    const sweep = sweepCli([...ARGS, "--job-timeout", "20"], url);
    // a sweep that fails first fails the test at once instead of leaving it waiting
    const ended = sweep.then(() => {
      throw new Error("the sweep ended with its only worker still alive");
    });
    await Promise.race([doomed.next((l) => l.startsWith("stored job")), ended]);
    const taken = await Promise.race([
      doomed.next((l) => l.startsWith("took job") && doomed.lines.indexOf(l) > 1),
      ended,
    ]);
    doomed.child.kill("SIGKILL");
    ended.catch(() => {}); // the sweep's own answer is awaited below
    const jobId = /took job (\S+):/.exec(taken)?.[1];
    const steady = startWorker(url);
    workers.push(steady);

    const remote = await sweep;
    const untimed = (json: string) => json.replace(/"wallSeconds": [\d.]+/, '"wallSeconds": 0');
    expect(untimed(remote.stdout)).toBe(untimed(local.stdout));
    expect(remote.stdout.length).toBeGreaterThan(1000);

    // the killed worker's job ran again elsewhere and was counted once
    const { rows: jobs } = await db.query(
      `select state, retry_count, data from ${SCHEMA}.job where id = $1`,
      [jobId],
    );
    expect(jobs[0]).toMatchObject({ state: "completed" });
    expect(jobs[0].retry_count).toBeGreaterThanOrEqual(1);
    const { rows: stored } = await db.query(
      `select worker from ${SCHEMA}.sweep_results where sweep = $1 and scenario_hash = $2 and replication = $3`,
      [jobs[0].data.sweep, jobs[0].data.scenarioHash, jobs[0].data.replication],
    );
    expect(stored).toEqual([{ worker: steady.name }]);
    const { rows: counts } = await db.query(
      `select count(*)::int as n, count(distinct worker)::int as workers from ${SCHEMA}.sweep_results where sweep = $1`,
      [jobs[0].data.sweep],
    );
    expect(counts[0]).toEqual({ n: 4 * 5, workers: 2 });
  }, 600_000);

  it("stores a replication's result once: a second store is refused by the primary key", async () => {
    // its own sweep and result: no row left by another test is needed
    const boss = await startBoss(url);
    await boss.stop({ graceful: false, wait: true });
    await ensureTables(db);
    const row = { sweep: randomUUID(), scenario_hash: "a".repeat(64), replication: 0 };
    await createSweep(db, { id: row.sweep, scenario: "once", combinations: 1, replications: 1 });
    const again = { sweep: row.sweep, scenarioHash: row.scenario_hash, replication: row.replication };
    const outcome = {
      trucksArrived: 1,
      trucksCompleted: 1,
      trucksExited: 1,
      minutes: 60,
      wait: { count: 1, sum: 2, max: 2, bins: [] },
      utilisation: { documentLanes: 0.5, scanners: 0, inspectionBays: 0 },
    };
    expect(await storeResult(db, { ...again, outcome, worker: "first" })).toBe(true);
    expect(await storeResult(db, { ...again, outcome, worker: "twice" })).toBe(false);
    await expect(
      db.query(
        `insert into ${SCHEMA}.sweep_results (sweep, scenario_hash, replication, outcome, worker) values ($1, $2, $3, '{}', 'raw')`,
        [row.sweep, row.scenario_hash, row.replication],
      ),
    ).rejects.toMatchObject({ code: "23505" });
  });

  it("ends a sweep whose job failed past its retries with the reason, and cancels the rest", async () => {
    const parsed = parseScenario(JSON.parse(readFileSync(`${ROOT}/${BASELINE}`, "utf8")));
    if (!parsed.ok) throw new Error(parsed.message);
    const planned = planSweep({ ...parsed.scenario, hours: 48 }, ["resources.scanners=1..2"], 2);
    if (!planned.ok) throw new Error(planned.message);
    // a combination this worker's schema refuses, as a worker running other code would
    const bad = planned.value.combinations[0];
    if (bad) bad.scenario = { ...bad.scenario, resources: { ...bad.scenario.resources, documentLanes: 0 } };
    workers.push(startWorker(url)); // its own worker: the test needs none left by another
    let sweep = "";
    const failure = await runSweepOnWorkers(url, planned.value, {
      retryLimit: 1,
      onQueued: (id) => {
        sweep = id;
      },
    }).then(
      () => null,
      (e: Error) => e,
    );
    expect(failure).toBeInstanceOf(SweepFailed);
    expect(failure?.message).toMatch(
      /^replication \d of resources.scanners=1 failed after its retries: the scenario is refused here: resources.documentLanes: /,
    );
    const { rows } = await db.query(`select failure, finished_at from ${SCHEMA}.sweep_sweeps where id = $1`, [
      sweep,
    ]);
    expect(rows[0].failure).toBe(failure?.message);
    const { rows: waiting } = await db.query(
      `select count(*)::int as n from ${SCHEMA}.job where data->>'sweep' = $1 and state in ('created', 'retry')`,
      [sweep],
    );
    expect(waiting[0].n).toBe(0);
  }, 300_000);
});
