/**
 * export-trace from crossings driven through the store's one apply path, with known times: the
 * period's bounds, the stage minutes, and a replay that meets exactly the recorded service times.
 */
import { describe, expect, it } from "vitest";
import type { CrossingEvent } from "../../machines/types.ts";
import { simulate } from "../../src/sim/report.ts";
import { parseScenario } from "../../src/sim/scenario.ts";
import { parseTrace } from "../../src/sim/trace.ts";
import { formatTrace } from "../../src/sim/trace-record.ts";
import { recordedTrace } from "../../src/store/trace-export.ts";
import { declareOne, seededDb } from "../store/helpers.ts";
import { mmc } from "./support.ts";

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 25, 6);
const officer = { kind: "officer" as const, id: "o1" };
type Step = [minute: number, event: Record<string, unknown> & { type: CrossingEvent["type"] }];

/** A walk-in checked in at `checkIn` minutes after T0, then the given steps (minutes after T0). */
function drive(db: ReturnType<typeof seededDb>, plate: string, checkIn: number, steps: Step[]) {
  const { crossings, crossing } = declareOne(db, plate, T0);
  const all: Step[] = [[checkIn, { type: "CHECK_IN", policy: { walkInsAllowed: true, graceMinutes: 60 } }]];
  for (const [minute, event] of [...all, ...steps]) {
    const result = crossings.apply(crossing.row.id, {
      ...event,
      at: T0 + minute * MIN,
      actor: officer,
    } as CrossingEvent);
    if (!result.ok) throw new Error(`${plate} ${event.type}: ${result.reason}`);
  }
  return crossing.row.id;
}

/** Called `wait` minutes after check-in, a document check of `doc` minutes, a scan of `scan`, released. */
const throughScan = (checkIn: number, wait: number, doc: number, scan: number): Step[] => {
  const call = checkIn + wait;
  return [
    [call, { type: "CALL", lane: 1, deadline: T0 + (call + 15) * MIN }],
    [call, { type: "ARRIVE_AT_LANE" }],
    [call + doc, { type: "RECORD_DOCUMENT_CHECK", passed: true }],
    [call + doc, { type: "SEND_TO_SCAN" }],
    [call + doc + scan, { type: "RECORD_SCAN", result: "clear" }],
    [call + doc + scan, { type: "RELEASE" }],
  ];
};

describe("export-trace from crossings recorded through the store", () => {
  it("takes the trucks checked in within [from, to) with the minutes they spent in each stage", () => {
    const db = seededDb();
    drive(db, "001AAA02", 0, throughScan(0, 20, 12, 7));
    drive(db, "002AAA02", 30, throughScan(30, 10, 8, 4));
    drive(db, "003AAA02", 60, []); // checked in at the period's end: left out
    const rows = recordedTrace(db, "nur-zholy", T0, T0 + 60 * MIN);
    expect(
      rows.map((r) => [r.plate, (r.arrivalAt - T0) / MIN, r.documentCheckMinutes, r.scanMinutes]),
    ).toEqual([
      ["001AAA02", 0, 12, 7],
      ["002AAA02", 30, 8, 4],
    ]);
    expect(rows.every((r) => r.physicalInspectionMinutes === null)).toBe(true);
    // a truck still waiting at the time of the export is there, without stage minutes
    const later = recordedTrace(db, "nur-zholy", T0 + 60 * MIN, T0 + 61 * MIN);
    expect(later.map((r) => [r.plate, r.documentCheckMinutes, r.scanMinutes])).toEqual([
      ["003AAA02", null, null],
    ]);
  });

  it("round-trips through parseTrace, and the replay meets exactly the recorded service times", () => {
    const db = seededDb();
    drive(db, "001AAA02", 0, throughScan(0, 20, 12, 7));
    drive(db, "002AAA02", 5, throughScan(5, 30, 8, 4));
    const rows = recordedTrace(db, "nur-zholy", T0, T0 + 24 * 60 * MIN);
    const parsed = parseTrace(formatTrace(rows));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(
      parsed.rows.map((r) => [
        r.arrival,
        r.plate,
        r.channel,
        r.priority,
        r.documentCheckMinutes,
        r.scanMinutes,
      ]),
    ).toEqual(
      rows.map((r) => [
        (r.arrivalAt - T0) / MIN,
        r.plate,
        r.channel,
        r.priority,
        r.documentCheckMinutes,
        r.scanMinutes,
      ]),
    );

    // one lane and one scanner: the second truck waits for the first's document check (12 - 5 = 7 minutes)
    const scenario = parseScenario({
      ...mmc(1, 6, 10, 2),
      warmupHours: 0,
      resources: { documentLanes: 1, scanners: 1, inspectionBays: 0 },
      arrivals: { kind: "trace", file: "recorded.csv" },
    });
    if (!scenario.ok) throw new Error(scenario.message);
    const report = simulate(scenario.scenario, 1, undefined, parsed.rows);
    expect(report.trucksCompleted).toBe(2);
    expect(report.stageMinutes.documentCheck.mean).toBeCloseTo((12 + 8) / 2, 2);
    expect(report.waitMinutes.mean).toBeCloseTo((0 + 7) / 2, 2);
  });
});
