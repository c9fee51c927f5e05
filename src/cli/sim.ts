/**
 * `npm run sim -- --scenario FILE [--replications N] [--seed S] [--hours H] [--json FILE|-] [--csv DIR]`:
 * runs a scenario (replications in parallel on worker threads) and prints a summary table;
 * `--json -` prints only the JSON on stdout; `--csv DIR` writes DIR/trucks.csv and DIR/hourly.csv.
 * A bad scenario or argument exits with code 2 and a message naming the field.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { parseScenario, parseTrace, type SimReport, summarise, type TraceRow } from "../sim/index.ts";
import { hourlyCsv } from "../sim/report-csv.ts";
import type { RunResult } from "../sim/run-result.ts";
import { runReplications } from "./replication-pool.ts";
import { joinParts } from "./sim-csv.ts";

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n`);
  process.exit(2);
}

function positiveInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < (name === "seed" ? Number.MIN_SAFE_INTEGER : 1))
    fail(`--${name}: expected ${name === "seed" ? "an integer" : "a positive integer"}, got "${raw}"`);
  return n;
}

let values: Record<string, string | undefined>;
try {
  values = parseArgs({
    options: {
      scenario: { type: "string" },
      replications: { type: "string" },
      seed: { type: "string" },
      hours: { type: "string" },
      json: { type: "string" },
      csv: { type: "string" },
    },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (!values.scenario) fail("--scenario FILE is required");

let raw: unknown;
try {
  raw = JSON.parse(readFileSync(values.scenario, "utf8"));
} catch (error) {
  fail(`${values.scenario}: ${(error as Error).message}`);
}
const parsed = parseScenario(raw);
if (!parsed.ok) fail(`${values.scenario}: invalid scenario\n${parsed.message}`);
// A trace's path is relative to the scenario file; it is read and checked whole before a run starts.
let trace: TraceRow[] | undefined;
if (parsed.scenario.arrivals.kind === "trace") {
  const file = resolve(dirname(values.scenario), parsed.scenario.arrivals.file);
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    fail(`arrivals.file: ${(error as Error).message}`);
  }
  const result = parseTrace(text);
  if (!result.ok) fail(`${file}: ${result.message}`);
  trace = result.rows;
}

const scenario = { ...parsed.scenario };
const seed = positiveInt("seed", values.seed);
if (seed !== undefined) scenario.seed = seed;
const hours = positiveInt("hours", values.hours);
if (hours !== undefined) scenario.hours = hours;
if (scenario.warmupHours >= scenario.hours) fail("warmupHours: expected fewer than hours");
const replications = positiveInt("replications", values.replications) ?? 1;

const jsonOnly = values.json === "-";
const bar = !jsonOnly && process.stderr.isTTY ? new SingleBar({ stream: process.stderr }) : null;
bar?.start(replications, 0);
const started = performance.now();
const csvDir = values.csv;
if (csvDir) {
  try {
    mkdirSync(csvDir, { recursive: true });
  } catch (error) {
    fail(`--csv: ${(error as Error).message}`);
  }
}
let runs: RunResult[] = [];
try {
  runs = await runReplications(scenario, replications, {
    trace,
    csvDir,
    onDone: (done) => bar?.update(done),
  });
} catch (error) {
  // the scenario was valid but a replication failed (the machine refused a step): not the user's flags
  bar?.stop();
  process.stderr.write(`sim: the run failed: ${(error as Error).message}\n`);
  process.exit(1);
}
const result = summarise(scenario, runs);
bar?.stop();
if (csvDir) {
  joinParts(csvDir, replications);
  writeFileSync(join(csvDir, "hourly.csv"), hourlyCsv(result));
}
const report: SimReport = { ...result, wallSeconds: Math.round(performance.now() - started) / 1000 };
const json = JSON.stringify(report, null, 2);

if (jsonOnly) process.stdout.write(`${json}\n`);
else {
  if (values.json) writeFileSync(values.json, `${json}\n`);
  printSummary(report);
}

function printSummary(r: SimReport): void {
  const row = (label: string, s: SimReport["waitMinutes"]) => ({
    minutes: label,
    mean: s.mean,
    p50: s.p50,
    p90: s.p90,
    p95: s.p95,
    p99: s.p99,
    max: s.max,
    ci95: s.ci95 ? `${s.ci95[0]}..${s.ci95[1]}` : "",
  });
  console.log(`${r.scenario}: seed ${r.seed}, ${r.replications} replication(s), ${r.wallSeconds} s`);
  console.log(
    `arrived ${r.trucksArrived}, completed ${r.trucksCompleted}, ${r.throughputPerHour} trucks/h; queue mean ${r.queueLength.mean}, max ${r.queueLength.max}`,
  );
  console.table([
    row("wait (to call)", r.waitMinutes),
    row("time in system", r.timeInSystemMinutes),
    ...Object.entries(r.stageMinutes).map(([stage, s]) => row(stage, s)),
  ]);
  const u = r.utilisation;
  console.log(
    `utilisation: document lanes ${(u.documentLanes * 100).toFixed(1)}%, scanners ${(u.scanners * 100).toFixed(1)}%, inspection bays ${(u.inspectionBays * 100).toFixed(1)}%; ${r.eventsProcessed} events, ${r.machineSteps} machine steps`,
  );
}
