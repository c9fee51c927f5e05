/**
 * `npm run sim -- --scenario FILE [--replications N] [--seed S] [--hours H] [--json FILE|-] [--csv DIR]`:
 * runs a scenario (replications in parallel on worker threads) and prints a summary table;
 * `--json -` prints only the JSON on stdout; `--csv DIR` writes DIR/trucks.csv and DIR/hourly.csv.
 * A bad scenario or argument exits with code 2 and a message naming the field.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { parseScenario, parseTrace, type SimReport, summarise, type TraceRow } from "../sim/index.ts";
import { offeredLoads, overloadWarnings } from "../sim/offered-load.ts";
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
  if (!Number.isInteger(n) || n < 1) fail(`--${name}: expected a positive integer, got "${raw}"`);
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

/** Files are refused by size before they are read: a parse holds several times a file's bytes in memory. */
const MAX_SCENARIO_BYTES = 1_000_000;
const MAX_TRACE_BYTES = 32_000_000;

function readLimited(file: string, limit: number, label: string): string {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch (error) {
    fail(`${label}: ${(error as Error).message}`);
  }
  if (size > limit)
    fail(
      `${label}: ${file} is ${size.toLocaleString("en")} bytes, over the limit of ${limit.toLocaleString("en")}`,
    );
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    fail(`${label}: ${(error as Error).message}`);
  }
}

let raw: unknown;
try {
  raw = JSON.parse(readLimited(values.scenario, MAX_SCENARIO_BYTES, values.scenario));
} catch (error) {
  fail(`${values.scenario}: ${(error as Error).message}`);
}
// flags change the file's fields before the one schema judges them, so their caps are the file's
const overrides: Record<string, number> = {};
for (const name of ["seed", "hours"] as const) {
  const text = values[name];
  if (text === undefined) continue;
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n)) fail(`--${name}: expected a number, got "${text}"`);
  overrides[name] = n;
}
const parsed = parseScenario(typeof raw === "object" && raw !== null ? { ...raw, ...overrides } : raw);
if (!parsed.ok) fail(`${values.scenario}: invalid scenario\n${parsed.message}`);
// A trace's path is relative to the scenario file; it is read and checked whole before a run starts.
let trace: TraceRow[] | undefined;
if (parsed.scenario.arrivals.kind === "trace") {
  const file = resolve(dirname(values.scenario), parsed.scenario.arrivals.file);
  const result = parseTrace(readLimited(file, MAX_TRACE_BYTES, "arrivals.file"));
  if (!result.ok) fail(`${file}: ${result.message}`);
  trace = result.rows;
}

const scenario = parsed.scenario;
const replications = positiveInt("replications", values.replications) ?? 1;
// said before the run, so a planner need not wait for an answer the arithmetic already gives
for (const w of overloadWarnings(offeredLoads(scenario, trace?.length), scenario))
  process.stderr.write(`sim: warning: no steady state: ${w}\n`);

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
const result = summarise(scenario, runs, trace?.length);
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
    trucks: s.count,
    mean: s.mean ?? "no trucks",
    p50: s.p50 ?? "",
    p90: s.p90 ?? "",
    p95: s.p95 ?? "",
    p99: s.p99 ?? "",
    max: s.max ?? "",
    ci95: s.ci95 ? `${s.ci95[0]}..${s.ci95[1]}` : "",
  });
  console.log(`${r.scenario}: seed ${r.seed}, ${r.replications} replication(s), ${r.wallSeconds} s`);
  console.log(r.steadyState ? "steady state" : "NO STEADY STATE");
  for (const w of r.warnings) console.log(`  - ${w}`);
  console.log(
    `arrived ${r.trucksArrived}, left for the neighbour ${r.trucksExited} (${r.throughputPerHour} trucks/h), refused ${r.trucksRefused}, expired ${r.trucksExpired}, still there at the end ${r.trucksInsideAtEnd} (e-queue ${r.insideAtEnd.virtualQueue}, before the gate ${r.insideAtEnd.gateQueue}, inside ${r.insideAtEnd.checkpoint})`,
  );
  console.log(
    `before the gate: mean ${r.gateQueue.mean}, max ${r.gateQueue.max}, at the end ${r.gateQueue.atEnd}; waiting area: mean ${r.queueLength.mean}, max ${r.queueLength.max}`,
  );
  console.table([
    row("e-queue", r.virtualQueueWaitMinutes),
    row("before the gate", r.gateWaitMinutes),
    row("waiting area (to call)", r.waitMinutes),
    row("entry to release", r.entryToReleaseMinutes),
    row("time at the border", r.timeInSystemMinutes),
    ...Object.entries(r.stageMinutes).map(([stage, s]) => row(stage, s)),
    ...Object.entries(r.resourceWaitMinutes).map(([k, s]) => row(`wait for ${k}`, s)),
    ...Object.entries(r.resourceServiceMinutes).map(([k, s]) => row(`service at ${k}`, s)),
    ...Object.entries(r.byChannel).map(([k, g]) => row(`${k}: entry to release`, g.entryToReleaseMinutes)),
  ]);
  const u = r.utilisation;
  console.log(
    `utilisation: document lanes ${(u.documentLanes * 100).toFixed(1)}%, scanners ${(u.scanners * 100).toFixed(1)}%, inspection bays ${(u.inspectionBays * 100).toFixed(1)}%; ${r.eventsProcessed} events, ${r.machineSteps} machine steps`,
  );
}
