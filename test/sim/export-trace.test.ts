import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/sim/report.ts";
import { parseScenario } from "../../src/sim/scenario.ts";
import { parseTrace } from "../../src/sim/trace.ts";
import { formatTrace, traceRowOf } from "../../src/sim/trace-record.ts";
import { recordedTrace } from "../../src/store/trace-export.ts";
import { localDateTime } from "../../views/local-time.ts";
import { seededDb, tempDbPath } from "../store/helpers.ts";
import { mmc } from "./support.ts";

const run = promisify(execFile);
const MIN = 60_000;
const cli = (args: string[]) =>
  run(process.execPath, ["--import", "tsx", "src/cli/export-trace.ts", ...args], {
    cwd: new URL("../..", import.meta.url).pathname,
  });

describe("a recorded crossing as a trace row", () => {
  it("takes the arrival in the waiting area and the minutes of each stage from the machine's history", () => {
    const row = traceRowOf({
      plate: "01ABC02",
      channel: "yellow",
      priority: "perishable",
      history: [
        { state: "booked", at: 0 },
        { state: "waitingArea", at: 10 * MIN },
        { state: "called", at: 40 * MIN },
        { state: "documentCheck", at: 45 * MIN },
        { state: "onHold", at: 50 * MIN },
        { state: "documentCheck", at: 80 * MIN },
        { state: "scan", at: 83 * MIN },
        { state: "released", at: 90 * MIN },
      ],
    });
    expect(row).toEqual({
      arrivalAt: 10 * MIN,
      plate: "01ABC02",
      channel: "yellow",
      priority: true,
      documentCheckMinutes: 8, // two visits: 5 before the hold, 3 after
      scanMinutes: 7,
      physicalInspectionMinutes: null,
    });
    expect(
      traceRowOf({
        plate: "X",
        channel: "green",
        priority: "ordinary",
        history: [{ state: "booked", at: 0 }],
      }),
    ).toBeNull();
  });

  it("writes a CSV the simulator reads back, quoting what needs it", () => {
    const csv = formatTrace([
      {
        arrivalAt: 5 * MIN,
        plate: 'A,"1',
        channel: "red",
        priority: false,
        documentCheckMinutes: 4,
        scanMinutes: null,
        physicalInspectionMinutes: 30,
      },
      {
        arrivalAt: 0,
        plate: "B2",
        channel: "green",
        priority: true,
        documentCheckMinutes: null,
        scanMinutes: null,
        physicalInspectionMinutes: null,
      },
    ]);
    const parsed = parseTrace(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.rows.map((r) => [r.arrival, r.plate, r.priority, r.physicalInspectionMinutes])).toEqual([
      [0, "B2", true, Number.NaN],
      [5, 'A,"1', false, 30],
    ]);
  });
});

describe("npm run export-trace", () => {
  it("exports today's recorded traffic, which replays through the simulator", async () => {
    const path = tempDbPath();
    const db = seededDb(path, true);
    const today = localDateTime(Date.UTC(2026, 10, 25, 6), "Asia/Almaty").slice(0, 10);
    const expected = recordedTrace(db, "nur-zholy", 0, Number.MAX_SAFE_INTEGER);
    db.close();
    expect(expected.length).toBeGreaterThan(10);

    const out = join(mkdtempSync(join(tmpdir(), "trace-")), "nur-zholy.csv");
    await cli(["--db", path, "--checkpoint", "nur-zholy", "--from", today, "--to", today, "--out", out]);
    const csv = readFileSync(out, "utf8");
    expect(csv).toBe(formatTrace(expected));

    const trace = parseTrace(csv);
    if (!trace.ok) throw new Error(trace.message);
    // M/M/4's resources and times, fed the recorded trucks
    const scenario = parseScenario({
      ...mmc(4, 6, 20, 24),
      name: "Recorded Nur Zholy traffic",
      warmupHours: 0,
      arrivals: { kind: "trace", file: "nur-zholy.csv" },
    });
    if (!scenario.ok) throw new Error(scenario.message);
    const report = simulate(scenario.scenario, 1, undefined, trace.rows);
    expect(report.trucksArrived).toBe(expected.length);
  }, 30_000);

  it("refuses bad arguments with exit code 2 and says which", async () => {
    const path = tempDbPath();
    seededDb(path).close();
    const failure = (args: string[]) =>
      cli(["--db", path, ...args]).then(
        () => ({ code: 0, stderr: "" }),
        (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
      );
    expect(
      await failure(["--checkpoint", "nowhere", "--from", "2026-11-01", "--to", "2026-11-02"]),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no checkpoint "nowhere"'),
    });
    expect(
      await failure(["--checkpoint", "nur-zholy", "--from", "yesterday", "--to", "2026-11-02"]),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--from: expected YYYY-MM-DD"),
    });
    expect(
      await failure(["--checkpoint", "nur-zholy", "--from", "2026-11-05", "--to", "2026-11-01"]),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--to: expected a time after --from"),
    });
  }, 30_000);
});
