/** `npm run sweep` on this machine, as a planner runs it: a child process and its threads. */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseScenario, runReplication } from "../../src/sim/index.ts";
import { outcomeOf, planSweep, sweepReport } from "../../src/sweep/index.ts";

const run = promisify(execFile);
const ROOT = new URL("../..", import.meta.url).pathname;
const sweepCli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  run(process.execPath, ["--import", "tsx", "src/cli/sweep.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, SWEEP_DATABASE_URL: "", ...env },
  });
const failure = async (args: string[]) => {
  try {
    await sweepCli(args);
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
  throw new Error("the sweep did not fail");
};

const MMC = "seed/scenarios/mmc.json";

describe("npm run sweep on this machine", () => {
  it("reports every combination exactly as the pure report of the same replications", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sweep-"));
    const { stdout } = await sweepCli([
      ...["--scenario", MMC, "--hours", "60", "--replications", "3", "--target-wait", "5"],
      ...["--vary", "resources.documentLanes=4..5", "--json", "-", "--csv", dir],
    ]);
    const { wallSeconds, ...fromCli } = JSON.parse(stdout) as Record<string, unknown>;
    expect(wallSeconds).toBeGreaterThan(0);

    const parsed = parseScenario(JSON.parse(readFileSync(join(ROOT, MMC), "utf8")));
    if (!parsed.ok) throw new Error(parsed.message);
    const plan = planSweep({ ...parsed.scenario, hours: 60 }, ["resources.documentLanes=4..5"], 3, 5);
    if (!plan.ok) throw new Error(plan.message);
    const outcomes = plan.value.combinations.map((c) =>
      [0, 1, 2].map((i) => outcomeOf(runReplication(c.scenario, c.scenario.seed + i))),
    );
    expect(JSON.stringify(fromCli, null, 2)).toBe(
      JSON.stringify(sweepReport(plan.value.input, outcomes), null, 2),
    );
    const csv = readFileSync(join(dir, "sweep.csv"), "utf8").trim().split("\n");
    expect(csv).toHaveLength(3);
    expect(csv[0]).toMatch(/^resources.documentLanes,waitMeanMinutes,/);
  }, 120_000);

  it("prints a table and the smallest configuration meeting the target", async () => {
    const { stdout } = await sweepCli([
      ...["--scenario", MMC, "--hours", "60", "--replications", "2", "--target-wait", "1000"],
      ...["--vary", "resources.documentLanes=4..5"],
    ]);
    expect(stdout).toMatch(/2 combination\(s\) x 2 replication\(s\), on this machine/);
    expect(stdout).toMatch(/wait 95% CI/);
    expect(stdout).toMatch(/smallest configuration within 1000 min: resources.documentLanes=4/);
  }, 120_000);

  it("exits 2 naming a bad --vary: an unknown field, an empty range, a value the schema refuses", async () => {
    const base = ["--scenario", MMC, "--replications", "2"];
    const unknown = await failure([...base, "--vary", "resources.ramps=1..3"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown field resources.ramps/);
    const empty = await failure([...base, "--vary", "resources.scanners=3..1"]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--vary resources.scanners=3..1: empty range/);
    const refused = await failure([...base, "--vary", "resources.documentLanes=0..2"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/refuses resources.documentLanes=0\nresources.documentLanes: /);
    const none = await failure(base);
    expect(none.stderr).toMatch(/--vary FIELD=FROM..TO is required/);
  }, 120_000);

  it("runs a trace replay's combinations on the same trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sweep-trace-"));
    const scenario = JSON.parse(readFileSync(join(ROOT, "seed/scenarios/trace-small.json"), "utf8"));
    writeFileSync(join(dir, "trace-small.csv"), readFileSync(join(ROOT, "seed/scenarios/trace-small.csv")));
    writeFileSync(join(dir, "s.json"), JSON.stringify(scenario));
    const { stdout } = await sweepCli([
      ...["--scenario", join(dir, "s.json"), "--vary", "resources.documentLanes=1..2", "--json", "-"],
    ]);
    const report = JSON.parse(stdout) as { combinations: { trucksCompleted: number }[] };
    expect(report.combinations).toHaveLength(2);
    expect(report.combinations[0]?.trucksCompleted).toBeGreaterThan(0);
  }, 120_000);
});
