import { describe, expect, it } from "vitest";
import {
  applyEvent,
  type CrossingEventType,
  type CrossingState,
  EVENT_TYPES,
  STATES,
} from "../../machines/index.ts";
import { crossingIn, goodEvent } from "./fixtures.ts";

/**
 * Which events each state accepts, given well-formed data. Everything else is rejected.
 * (A state reached the shortest way: the document check not yet recorded, the scan not yet read.)
 */
const ACCEPTS: Record<CrossingState, CrossingEventType[]> = {
  declared: ["BOOK", "CHECK_IN", "CANCEL", "VOID"],
  // BOOK in booked: a change of slot, one move
  booked: ["BOOK", "CANCEL_BOOKING", "CHECK_IN", "CANCEL", "EXPIRE", "VOID"],
  waitingArea: ["CALL", "PRIORITISE", "UNMANNED_RELEASE", "GATE_READ", "CANCEL", "VOID"],
  called: ["ARRIVE_AT_LANE", "MISS_CALL"],
  documentCheck: ["RECORD_DOCUMENT_CHECK", "HOLD", "REFUSE"],
  scan: ["RECORD_SCAN", "SEND_TO_INSPECTION", "HOLD", "REFUSE"],
  physicalInspection: ["RECORD_INSPECTION", "HOLD", "REFUSE"],
  onHold: ["RESUME", "REFUSE"],
  released: [],
  refused: [],
  cancelled: [],
  expired: [],
};

describe("every event in every state", () => {
  it("every state is reachable through the machine", () => {
    for (const state of STATES) expect(crossingIn(state).state).toBe(state);
  });

  for (const state of STATES) {
    it(`${state}: accepts exactly ${ACCEPTS[state].join(", ") || "nothing"}`, () => {
      const crossing = crossingIn(state);
      const accepted = EVENT_TYPES.filter((type) => applyEvent(crossing, goodEvent(type, crossing)).ok);
      expect(accepted.sort()).toEqual([...ACCEPTS[state]].sort());
    });
  }

  it("a rejected event names the state and what was asked", () => {
    const crossing = crossingIn("declared");
    const result = applyEvent(crossing, goodEvent("RELEASE", crossing));
    expect(result).toEqual({
      ok: false,
      state: "declared",
      reason: "cannot release: the truck is pre-declared, without a slot",
    });
  });
});
