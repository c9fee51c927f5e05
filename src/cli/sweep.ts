/**
 * `npm run sweep -- --scenario FILE --vary FIELD=FROM..TO [--vary ...] [--replications N]
 *  [--seed S] [--hours H] [--target-wait M] [--json FILE|-] [--csv DIR] [--threads N]`
 * runs every combination of the varied fields, replication i seeded seed + i in each (common random
 * numbers), and prints one row per combination. With SWEEP_DATABASE_URL set, the replications go
 * to `npm run sim-worker` processes through PostgreSQL instead of this machine's threads; the
 * report is the same bytes either way (apart from wallSeconds).
 * A bad flag or --vary exits with code 2 before anything runs or is queued; a failed sweep with 1.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import {
  planSweep,
  type ReplicationOutcome,
  type SweepReport,
  sweepCsv,
  sweepReport,
  tableRows,
  targetLine,
} from "../sweep/index.ts";
import { runSweepOnWorkers, SweepFailed } from "../sweep-queue/coordinator.ts";
import { readScenarioFile } from "./scenario-file.ts";
import { runSweepLocally } from "./sweep-local.ts";

function fail(message: string): never {
  process.stderr.write(`sweep: ${message}\n`);
  process.exit(2);
}

function number(
  name: string,
  raw: string | undefined,
  kind: "int" | "positive-int" | "positive",
): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  const ok =
    raw.trim() !== "" &&
    (kind === "int" ? Number.isInteger(n) : kind === "positive-int" ? Number.isInteger(n) && n >= 1 : n > 0);
  if (!ok)
    fail(
      `--${name}: expected ${kind === "int" ? "an integer" : `a ${kind.replace("-int", " integer")} number`}, got "${raw}"`,
    );
  return n;
}

let values: ReturnType<typeof parse>["values"];
function parse() {
  return parseArgs({
    options: {
      scenario: { type: "string" },
      vary: { type: "string", multiple: true },
      replications: { type: "string" },
      seed: { type: "string" },
      hours: { type: "string" },
      "target-wait": { type: "string" },
      json: { type: "string" },
      csv: { type: "string" },
      threads: { type: "string" },
      "job-timeout": { type: "string" },
      retries: { type: "string" },
    },
  });
}
try {
  values = parse().values;
} catch (error) {
  fail((error as Error).message);
}
if (!values.scenario) fail("--scenario FILE is required");
const file = readScenarioFile(values.scenario);
if (!file.ok) fail(file.message);
const base = { ...file.scenario };
const seed = number("seed", values.seed, "int");
if (seed !== undefined) base.seed = seed;
const hours = number("hours", values.hours, "positive-int");
if (hours !== undefined) base.hours = hours;
if (base.warmupHours >= base.hours) fail("warmupHours: expected fewer than hours");
const replications = number("replications", values.replications, "positive-int") ?? 1;
const target = number("target-wait", values["target-wait"], "positive");
const threads = number("threads", values.threads, "positive-int");
const jobTimeoutSeconds = number("job-timeout", values["job-timeout"], "positive-int");
const retries = number("retries", values.retries, "int");
if (retries !== undefined && retries < 0) fail(`--retries: expected 0 or more, got "${values.retries}"`);

const planned = planSweep(base, values.vary ?? [], replications, target);
if (!planned.ok) fail(planned.message);
const plan = planned.value;
const total = plan.combinations.length * replications;
if (values.csv) {
  try {
    mkdirSync(values.csv, { recursive: true });
  } catch (error) {
    fail(`--csv: ${(error as Error).message}`);
  }
}

const jsonOnly = values.json === "-";
const say = (line: string) => {
  if (!jsonOnly) process.stderr.write(`${line}\n`);
};
const bar = !jsonOnly && process.stderr.isTTY ? new SingleBar({ stream: process.stderr }) : null;
const url = process.env.SWEEP_DATABASE_URL;
const started = performance.now();
let outcomes: ReplicationOutcome[][];
let where: string;
try {
  if (url) {
    const run = await runSweepOnWorkers(url, plan, {
      trace: file.trace,
      jobTimeoutSeconds,
      retryLimit: retries,
      onQueued: (sweep, jobs) => {
        say(
          `sweep ${sweep}: ${jobs} jobs queued; start \`npm run sim-worker\` on the machines that will run them`,
        );
        bar?.start(total, 0);
      },
      onDone: (done) => bar?.update(done),
    });
    outcomes = run.outcomes;
    where = `on ${run.workers.length} worker(s): ${run.workers.join(", ")}`;
  } else {
    bar?.start(total, 0);
    outcomes = await runSweepLocally(plan, {
      threads,
      trace: file.trace,
      onDone: (done) => bar?.update(done),
    });
    where = "on this machine";
  }
} catch (error) {
  bar?.stop();
  const why = error instanceof SweepFailed ? error.message : `the sweep failed: ${(error as Error).message}`;
  process.stderr.write(`sweep: ${why}\n`);
  process.exit(1);
}
bar?.stop();

const report: SweepReport = {
  ...sweepReport(plan.input, outcomes),
  wallSeconds: Math.round(performance.now() - started) / 1000,
};
const json = JSON.stringify(report, null, 2);
if (values.csv) writeFileSync(join(values.csv, "sweep.csv"), sweepCsv(report));
if (jsonOnly) process.stdout.write(`${json}\n`);
else {
  if (values.json) writeFileSync(values.json, `${json}\n`);
  console.log(
    `${report.scenario}: seed ${report.seed}, ${plan.combinations.length} combination(s) x ${replications} replication(s), ${where}, ${report.wallSeconds} s`,
  );
  console.table(tableRows(report));
  const line = targetLine(report);
  if (line) console.log(line);
}
process.exit(0);
