/**
 * What kind of truck arrives: its channel and priority class, drawn from their own streams for
 * every truck (so the streams stay in step whatever a replayed trace row says), a trace row's own
 * channel, class, plate and service times, and whether it leaves through the camera's unmanned
 * lane (a share of the green ones) or is driverless and goes through the AGV lane. Pure.
 */
import type { PriorityClass } from "../../machines/types.ts";
import type { Uniform } from "./streams.ts";
import type { TraceRow } from "./trace.ts";
import type { Truck } from "./truck.ts";
import type { TruckMarks } from "./truck-marks.ts";

export interface ArrivalKindSetup {
  /** the channels' shares; red is the rest */
  green: number;
  yellow: number;
  drawClass: (u: number) => PriorityClass;
  rand: { channel: Uniform; priority: Uniform; unmanned: Uniform };
  /** the camera's unmanned lane for green trucks, when the scenario has it */
  auto: { share: number } | null;
  /** draws whether the truck is driverless; null without an AGV lane (no draw at all then) */
  driverless: (() => boolean) | null;
}

export function arrivalKind(s: ArrivalKindSetup) {
  return (t: Truck, marks: TruckMarks, row?: TraceRow): void => {
    const c = t.context;
    const u = s.rand.channel();
    c.channel = u < s.green ? "green" : u < s.green + s.yellow ? "yellow" : "red";
    c.priority = s.drawClass(s.rand.priority());
    c.plate = "SIM";
    if (row) {
      c.channel = row.channel;
      c.priority = row.priority ? "transit" : "ordinary";
      c.plate = row.plate;
      t.given.documentCheck = row.documentCheckMinutes;
      t.given.scan = row.scanMinutes;
      t.given.physicalInspection = row.physicalInspectionMinutes;
    }
    const unmanned = s.rand.unmanned();
    marks.unmanned[t.slot] = s.auto && c.channel === "green" && unmanned < s.auto.share ? 1 : 0;
    if (s.driverless?.()) {
      // a driverless truck goes through the Smart Customs gate, not the camera's unmanned lane
      marks.driverless[t.slot] = 1;
      marks.unmanned[t.slot] = 0;
    }
  };
}
