/** `npm run forecast` as a user types it: a child process reading a CSV file. */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { SEED_CALENDAR } from "../../seed/forecast-calendar.ts";
import { calendarOf } from "../../src/forecast/calendar.ts";
import { DEFAULT_TRUTH, syntheticSeries } from "../../src/forecast/synthetic.ts";

const run = promisify(execFile);
const ROOT = new URL("../..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "forecast-cli-"));
const forecast = (args: string[]) =>
  run(process.execPath, ["--import", "tsx", "src/cli/forecast.ts", ...args], { cwd: ROOT });

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function refusal(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await forecast(args);
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
  throw new Error("expected the command to fail");
}

const goodCsv = () => {
  const series = syntheticSeries(DEFAULT_TRUTH, calendarOf(SEED_CALENDAR), "2025-06-01", 300, 5);
  return `date,count,closed\n${series.map((d) => `${d.date},${d.count},${d.closed ? 1 : 0}`).join("\n")}\n`;
};

describe("npm run forecast", () => {
  it("prints the methods' backtest, the chosen method, the forecast and the factors as JSON", async () => {
    const path = file("good.csv", goodCsv());
    const { stdout } = await forecast(["--series", path, "--horizon", "7", "--backtest", "--json", "-"]);
    const out = JSON.parse(stdout);
    expect(out.methods.map((m: { name: string }) => m.name)).toEqual([
      "seasonalNaive",
      "mstlEts",
      "negativeBinomial",
    ]);
    for (const m of out.methods) {
      expect(m.mase).toBeGreaterThan(0);
      expect(m.mape).toBeGreaterThan(0);
      expect(m.coverage80).toBeGreaterThan(0.3);
    }
    expect(out.origins).toBe(26);
    expect(["seasonalNaive", "mstlEts", "negativeBinomial"]).toContain(out.chosen);
    expect(out.forecast).toHaveLength(7);
    expect(out.forecast[0].date).toBe("2026-03-28");
    for (const d of out.forecast) expect(d.lo80).toBeLessThanOrEqual(d.hi80);
    expect(Object.keys(out.factors.weekday)).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
  }, 90_000);

  it.each([
    [
      "a missing day",
      "date,count\n2026-01-01,5\n2026-01-02,6\n2026-01-04,7\n",
      4,
      /days missing between 2026-01-02 and 2026-01-04/,
    ],
    ["a negative count", "date,count\n2026-01-01,5\n2026-01-02,-3\n", 3, /count -3 is negative/],
    [
      "a count that is text",
      "date,count\n2026-01-01,5\n2026-01-02,many\n",
      3,
      /count "many" is not a number/,
    ],
    ["a date that is not a date", "date,count\n2026-02-30,5\n", 2, /"2026-02-30" is not an ISO date/],
    [
      "a closed flag that is not 0 or 1",
      "date,count,closed\n2026-01-01,5,yes\n",
      2,
      /closed "yes" must be 0 or 1/,
    ],
    ["rows out of order", "date,count\n2026-01-02,5\n2026-01-01,5\n", 3, /is not after/],
  ])(
    "exits 2 naming the line for %s",
    async (_what, text, line, message) => {
      const path = file(`bad-${line}.csv`, text);
      const { code, stderr } = await refusal(["--series", path, "--json", "-"]);
      expect(code).toBe(2);
      expect(stderr).toContain(`line ${line}:`);
      expect(stderr).toMatch(message);
    },
    60_000,
  );

  it("exits 2 for a horizon beyond 14 days and for a missing file", async () => {
    expect((await refusal(["--series", "x.csv", "--horizon", "30"])).stderr).toMatch(/--horizon/);
    const missing = await refusal(["--series", join(dir, "nope.csv")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.csv/);
  }, 60_000);
});
