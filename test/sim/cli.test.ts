/** `npm run sim` as a planner runs it: a child process, worker threads, files on disk. */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/sim/report.ts";
import { parseScenario } from "../../src/sim/scenario.ts";

const run = promisify(execFile);
const ROOT = new URL("../..", import.meta.url).pathname;
const sim = (args: string[]) =>
  run(process.execPath, ["--import", "tsx", "src/cli/sim.ts", ...args], { cwd: ROOT });
const MMC = "seed/scenarios/mmc.json";

function scenarioOf(file: string, hours: number) {
  const parsed = parseScenario(JSON.parse(readFileSync(join(ROOT, file), "utf8")));
  if (!parsed.ok) throw new Error(parsed.message);
  return { ...parsed.scenario, hours, warmupHours: Math.min(parsed.scenario.warmupHours, hours / 2) };
}

describe("npm run sim", () => {
  it("runs replications on worker threads and reports exactly what a sequential run reports", async () => {
    const scenario = scenarioOf(MMC, 200);
    const file = join(mkdtempSync(join(tmpdir(), "sim-")), "mmc.json");
    writeFileSync(file, JSON.stringify(scenario));
    const { stdout } = await sim(["--scenario", file, "--replications", "3", "--json", "-"]);
    const { wallSeconds, ...fromCli } = JSON.parse(stdout) as Record<string, unknown>;
    expect(wallSeconds).toBeGreaterThan(0);
    expect(fromCli).toEqual(JSON.parse(JSON.stringify(simulate(scenario, 3))));
  }, 300_000);

  it("--csv writes every truck that left and the hourly series", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sim-csv-"));
    const { stdout } = await sim([
      "--scenario",
      "seed/scenarios/nur-zholy-baseline.json",
      "--hours",
      "48",
      "--replications",
      "2",
      "--json",
      "-",
      "--csv",
      dir,
    ]);
    const report = JSON.parse(stdout) as { trucksCompleted: number; hourly: unknown[] };
    const [header, ...rows] = readFileSync(join(dir, "trucks.csv"), "utf8").trim().split("\n");
    expect(header).toMatch(
      /^replication,truck,plate,channel,priority,arrivalMinute,calledMinute,leftMinute,outcome,waitMinutes,/,
    );
    // a row for every truck that left after the warm-up; the released ones are the report's trucksCompleted
    expect(rows.filter((r) => r.includes(",released,")).length).toBe(report.trucksCompleted);
    const column = (name: string) => (header ?? "").split(",").indexOf(name);
    const [arrival, called, wait, doc] = [
      "arrivalMinute",
      "calledMinute",
      "waitMinutes",
      "documentCheckMinutes",
    ].map(column) as [number, number, number, number];
    for (const row of rows) {
      const f = row.split(",");
      // a truck that went through a lane was called to it, and waited from its arrival to that call
      if (f[doc] !== "") {
        expect(f[called]).not.toBe("");
        expect(Number(f[wait])).toBeCloseTo(Number(f[called]) - Number(f[arrival]), 2);
        expect(Number(f[wait])).toBeGreaterThanOrEqual(0);
      }
    }
    // both replications, in order
    expect(rows[0]?.startsWith("1,")).toBe(true);
    expect(rows.at(-1)?.startsWith("2,")).toBe(true);
    const hourly = readFileSync(join(dir, "hourly.csv"), "utf8").trim().split("\n");
    expect(hourly.length).toBe(report.hourly.length + 1);
  }, 300_000);

  it("runs every example scenario, the trace replay among them", async () => {
    const examples = readdirSync(join(ROOT, "seed/scenarios")).filter((f) => f.endsWith(".json"));
    expect(examples.length).toBeGreaterThanOrEqual(7);
    for (const file of examples) {
      // a day after each one's own warm-up keeps the test short
      const { warmupHours } = JSON.parse(readFileSync(join(ROOT, "seed/scenarios", file), "utf8"));
      const hours = String(warmupHours + 24);
      const { stdout } = await sim(["--scenario", `seed/scenarios/${file}`, "--hours", hours, "--json", "-"]);
      const report = JSON.parse(stdout) as { trucksArrived: number; trucksCompleted: number };
      expect(report.trucksCompleted, file).toBeGreaterThan(0);
    }
  }, 900_000);

  it("a bad scenario exits with code 2 and names the field", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "sim-bad-")), "bad.json");
    writeFileSync(file, JSON.stringify({ ...scenarioOf(MMC, 10), resources: { documentLanes: -1 } }));
    const failed = await sim(["--scenario", file]).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain("resources");
  }, 180_000);

  it("checks flags through the scenario's own schema and caps, and refuses big files before reading them", async () => {
    const fails = (args: string[]) =>
      sim(args).then(
        () => ({ code: 0, stderr: "" }),
        (e: { code: number; stderr: string }) => e,
      );
    const hours = await fails(["--scenario", MMC, "--hours", "1e9"]);
    expect(hours.code).toBe(2);
    expect(hours.stderr).toMatch(/hours: /);
    const warm = await fails(["--scenario", MMC, "--hours", "50"]);
    expect(warm.stderr).toMatch(/warmupHours: expected fewer than hours/);
    const dir = mkdtempSync(join(tmpdir(), "sim-big-"));
    const big = join(dir, "big.json");
    writeFileSync(big, "");
    truncateSync(big, 2_000_000);
    const tooBig = await fails(["--scenario", big]);
    expect(tooBig.code).toBe(2);
    expect(tooBig.stderr).toMatch(/over the limit of 1,000,000/);
    const trace = join(dir, "trace.csv");
    writeFileSync(trace, "");
    truncateSync(trace, 40_000_000);
    const replay = join(dir, "replay.json");
    writeFileSync(
      replay,
      JSON.stringify({
        ...scenarioOf("seed/scenarios/trace-small.json", 2),
        arrivals: { kind: "trace", file: "trace.csv" },
      }),
    );
    const bigTrace = await fails(["--scenario", replay]);
    expect(bigTrace.code).toBe(2);
    expect(bigTrace.stderr).toMatch(/arrivals.file: .* over the limit of 32,000,000/);
  }, 300_000);

  it("warns before running when a stage is offered more than it can do", async () => {
    const { stderr, stdout } = await sim([
      "--scenario",
      "seed/scenarios/nur-zholy-baseline.json",
      "--hours",
      "30",
      "--json",
      "-",
    ]);
    expect(stderr).toMatch(/warning: no steady state: .*neighbour's side takes 725/);
    expect(JSON.parse(stdout).steadyState).toBe(false);
  }, 300_000);
});
