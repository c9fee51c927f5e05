import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEvent, declareCrossing, type PersistedCrossing } from "../../machines/apply.ts";
import { type CrossingEvent, type CrossingEventType, EVENT_TYPES, STATES } from "../../machines/types.ts";
import { compileMachine, decide } from "../../src/sim/machine-table.ts";

const table = compileMachine();
const actor = { kind: "supervisor", id: "t" } as const;
const T0 = 1_700_000_000_000;

/** A concrete event of each type; variants exercise the guards both ways. */
function eventOf(type: CrossingEventType, at: number, variant: number): CrossingEvent {
  const v = variant % 2 === 0;
  switch (type) {
    case "BOOK":
      return { type, at, actor, slot: { start: at + 60_000, end: v ? at + 3_600_000 : at - 1 } };
    case "CHECK_IN":
      return {
        type,
        at,
        actor,
        policy: { walkInsAllowed: v, graceMinutes: 30, ...(variant >= 2 ? { earlyArrivalMinutes: 10 } : {}) },
      };
    case "EXPIRE":
      return { type, at, actor, policy: { graceMinutes: 30, declarationLapseHours: v ? 1 : 48 } };
    case "VOID":
      return { type, at, actor, reason: v ? "plate squatted" : " " };
    case "CALL":
      return { type, at, actor, lane: v ? 2 : 0, deadline: at + 600_000 };
    case "PRIORITISE":
      return { type, at, actor, reason: v ? "perishable" : " " };
    case "RECORD_DOCUMENT_CHECK":
      return { type, at, actor, passed: v };
    case "RECORD_SCAN":
      return { type, at, actor, result: v ? "clear" : "suspicious" };
    case "RECORD_INSPECTION":
      return { type, at, actor, result: v ? "passed" : "failed" };
    case "HOLD":
      return { type, at, actor, documents: v ? "invoice" : "" };
    case "UNMANNED_RELEASE":
      return { type, at, actor, plateRead: v ? "01ABC123" : "X" };
    case "REFUSE":
      return { type, at, actor, reasonCode: v ? "R1" : "" };
    default:
      return { type, at, actor } as CrossingEvent;
  }
}

const start = (channel: "green" | "yellow" | "red") =>
  declareCrossing({
    id: "c1",
    checkpointId: "k",
    plate: "01ABC123",
    channel,
    riskReasons: [],
    priority: "ordinary",
    declarationComplete: true,
    declaredAt: T0,
  });

/** The table's decision must equal the machine's, from the same snapshot. */
function agrees(crossing: PersistedCrossing, event: CrossingEvent) {
  const fromTable = decide(table, crossing.state, crossing.context, event);
  const fromMachine = applyEvent(crossing, event);
  expect(fromTable, `${crossing.state} + ${event.type}`).toBe(fromMachine.ok ? fromMachine.to : undefined);
  return fromMachine;
}

describe("the crossing machine compiled to a table", () => {
  it("covers every state and event type", () => {
    for (const s of STATES) for (const e of EVENT_TYPES) expect(table.get(s)?.get(e)).toBeDefined();
  });

  it("agrees with applyEvent on random event sequences from every channel", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("green", "yellow", "red" as const),
        fc.array(
          fc.tuple(fc.constantFrom(...EVENT_TYPES), fc.nat(3), fc.integer({ min: 0, max: 7_200_000 })),
          {
            maxLength: 30,
          },
        ),
        (channel, steps) => {
          let crossing = start(channel);
          let at = T0;
          for (const [type, variant, dt] of steps) {
            at += dt;
            const result = agrees(crossing, eventOf(type, at, variant));
            if (result.ok) crossing = result.crossing;
          }
        },
      ),
      { numRuns: 400, seed: 5 },
    );
  });

  it("agrees on every event in every state reached along the simulator's paths", () => {
    const path: CrossingEventType[] = [
      "CHECK_IN",
      "CALL",
      "ARRIVE_AT_LANE",
      "HOLD",
      "RESUME",
      "RECORD_DOCUMENT_CHECK",
      "SEND_TO_SCAN",
      "RECORD_SCAN",
      "RELEASE",
    ];
    let crossing = start("yellow");
    let at = T0;
    for (const type of path) {
      for (const probe of EVENT_TYPES) for (const v of [0, 1]) agrees(crossing, eventOf(probe, at + 1, v));
      at += 60_000;
      const result = agrees(crossing, eventOf(type, at, 0));
      expect(result.ok).toBe(true);
      if (result.ok) crossing = result.crossing;
    }
    expect(crossing.state).toBe("released");
  });
});
