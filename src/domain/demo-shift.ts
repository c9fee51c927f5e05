/**
 * A demo shift: what an officer would do next with a truck, so that `DEMO_TRAFFIC=on` keeps a
 * checkpoint alive. Pure: the time, the dice and the actor come in; the job applies the event
 * through the store's one apply path, so the machine still decides whether it may happen.
 */
import type { Actor, CrossingContext, CrossingEvent, CrossingState } from "../../machines/types.ts";
import type { Random } from "./random.ts";

const MINUTE = 60_000;

/** How long each stage takes at least before the demo officer moves the truck on. */
const STAGE_MINUTES: Partial<Record<CrossingState, number>> = {
  called: 3,
  documentCheck: 6,
  scan: 8,
  physicalInspection: 25,
  onHold: 20,
};

export function nextShiftEvent(
  truck: { state: CrossingState; context: CrossingContext; since: number },
  at: number,
  dice: Random,
  actor: Actor,
): CrossingEvent | null {
  const minutes = STAGE_MINUTES[truck.state];
  if (minutes === undefined || at - truck.since < minutes * MINUTE) return null;
  const c = truck.context;
  const base = { at, actor };
  switch (truck.state) {
    case "called":
      return { ...base, type: "ARRIVE_AT_LANE" };
    case "documentCheck":
      if (!c.documentCheckPassed) {
        return dice.next() < 0.05
          ? { ...base, type: "HOLD", documents: "CMR consignment note" }
          : { ...base, type: "RECORD_DOCUMENT_CHECK", passed: true };
      }
      if (c.channel === "yellow") return { ...base, type: "SEND_TO_SCAN" };
      if (c.channel === "red") return { ...base, type: "SEND_TO_INSPECTION" };
      return { ...base, type: "RELEASE" };
    case "scan":
      if (c.scanResult === null) return { ...base, type: "RECORD_SCAN", result: "clear" };
      return { ...base, type: "RELEASE" };
    case "physicalInspection":
      if (c.inspectionResult === null) {
        return { ...base, type: "RECORD_INSPECTION", result: dice.next() < 0.05 ? "failed" : "passed" };
      }
      return c.inspectionResult === "passed"
        ? { ...base, type: "RELEASE" }
        : { ...base, type: "REFUSE", reasonCode: "INSPECTION-FAILED" };
    case "onHold":
      return { ...base, type: "RESUME" };
    default:
      return null;
  }
}
