import { describe, expect, it } from "vitest";
import {
  type ApplyResult,
  applyEvent,
  applyEventByXState,
  declareCrossing,
  type PersistedCrossing,
} from "../../machines/apply.ts";
import { crossingMachine } from "../../machines/crossing.ts";
import { compileMachine, execute } from "../../machines/table.ts";
import {
  type Channel,
  type CrossingContext,
  type CrossingEvent,
  type CrossingEventType,
  type CrossingState,
  EVENT_TYPES,
} from "../../machines/types.ts";
import { uniformStream } from "../../src/sim/streams.ts";

const table = compileMachine();
const T0 = 1_700_000_000_000;
const VARIANTS = 4;

/** A concrete event of each type; the variants exercise the guards both ways. */
function eventOf(type: CrossingEventType, at: number, variant: number): CrossingEvent {
  const v = variant % 2 === 0;
  const actor = { kind: variant === 3 ? "officer" : "supervisor", id: "t" } as const;
  switch (type) {
    case "BOOK":
      return { type, at, actor, slot: { start: at + 60_000, end: v ? at + 3_600_000 : at - 1 } };
    case "CHECK_IN":
      return { type, at, actor, policy: { walkInsAllowed: v, graceMinutes: variant * 20 } };
    case "CALL":
      return { type, at, actor, lane: v ? 2 : 0, deadline: at + (variant === 2 ? -1 : 600_000) };
    case "PRIORITISE":
      return { type, at, actor, reason: v ? "perishable" : " " };
    case "RECORD_DOCUMENT_CHECK":
      return { type, at, actor, passed: v, ...(variant === 2 ? { note: "seal checked" } : {}) };
    case "RECORD_SCAN":
      return { type, at, actor, result: v ? "clear" : "suspicious" };
    case "RECORD_INSPECTION":
      return { type, at, actor, result: v ? "passed" : "failed" };
    case "HOLD":
      return { type, at, actor, documents: v ? "invoice" : "" };
    case "RESUME":
      // as older logs (no lanes said), a free lane, a busy one, and every lane busy
      if (variant === 0) return { type, at, actor };
      if (variant === 3) return { type, at, actor, lanesOpen: 2, lanesBusy: [1, 2] };
      return { type, at, actor, lane: 2, lanesOpen: 3, lanesBusy: variant === 1 ? [1] : [2] };
    case "UNMANNED_RELEASE":
      return { type, at, actor, plateRead: v ? "01abc-123" : "X" };
    case "GATE_READ":
      // both branches of the gate are walked; it releases once in four, so sequences still go deep
      return {
        type,
        at,
        actor,
        plateRead: variant === 1 ? "X" : "01abc-123",
        lane: {
          open: variant !== 3,
          fromHour: variant === 2 ? 5 : 0,
          toHour: variant === 2 ? 6 : 24,
          timezone: "UTC",
        },
      };
    case "REFUSE":
      return { type, at, actor, reasonCode: v ? "R1" : "" };
    case "CANCEL":
    case "CANCEL_BOOKING":
      return v ? { type, at, actor, reason: "plans changed" } : { type, at, actor };
    case "EXPIRE":
      // a lapse of 0 hours lets a declaration lapse at once, so EXPIRE from declared is walked too
      return v
        ? {
            type,
            at,
            actor,
            policy: { graceMinutes: variant * 30, declarationLapseHours: variant === 0 ? 0 : 48 },
          }
        : { type, at, actor };
    case "VOID":
      // refused but once in four, so the sequences still reach the last stages
      return { type, at, actor, reason: variant === 0 ? "plate squatted" : " " };
    default:
      return { type, at, actor } as CrossingEvent;
  }
}

const start = (channel: Channel): PersistedCrossing =>
  declareCrossing({
    id: "c1",
    checkpointId: "k",
    plate: "01ABC123",
    channel,
    riskReasons: ["r"],
    priority: "ordinary",
    declarationComplete: true,
    declaredAt: T0,
  });

const copy = (c: CrossingContext): CrossingContext => structuredClone(c);

function expectSameAnswer(live: ApplyResult, xstate: ApplyResult, where: string) {
  if (!xstate.ok) {
    expect(live, where).toEqual(xstate);
    return;
  }
  expect(live.ok && [live.from, live.to], where).toEqual([xstate.from, xstate.to]);
  if (live.ok && JSON.stringify(live.crossing) !== JSON.stringify(xstate.crossing))
    expect(live.crossing, where).toEqual(xstate.crossing);
}

describe("the crossing machine compiled to a table", () => {
  it("keeps its own context equal to XState's after every step of 10,000 random event sequences, and so does the live server's applyEvent", () => {
    const u = uniformStream(15, 0);
    const draw = (n: number) => Math.floor(u() * n);
    // which (state, event, target) XState took: the table's every transition must be among them
    const taken = new Set<string>();
    let steps = 0;
    for (let run = 0; run < 10_000; run++) {
      const channel = (["green", "yellow", "red"] as const)[run % 3] as Channel;
      let live = start(channel);
      // the simulator's side: its own state and context, carried forward by the table alone
      let state: CrossingState = live.state;
      const context = copy(live.context);
      let at = T0;
      // long enough to reach the last stages past the events that end a crossing early (VOID, EXPIRE)
      const length = 1 + draw(60);
      for (let i = 0; i < length; i++) {
        at += draw(4) * 900_000;
        // mostly an event the state has a transition for, so the sequences go deep; sometimes any
        const offered = EVENT_TYPES.filter((type) => table[state][type].length > 0);
        const types = offered.length > 0 && draw(5) > 0 ? offered : EVENT_TYPES;
        const event = eventOf(types[draw(types.length)] as CrossingEventType, at, draw(VARIANTS));
        const before = JSON.stringify(context);
        const next = execute(table, state, context, event);
        const result = applyEventByXState(live, event);
        const where = `run ${run}, step ${i}: ${state} + ${JSON.stringify(event)}`;
        steps++;
        // the live server's applyEvent (the table on a copy of the context) answers as XState does
        expectSameAnswer(applyEvent(live, event), result, where);
        if (!result.ok) {
          expect(next, where).toBeUndefined();
          expect(JSON.stringify(context), `${where}: a refusal changed the context`).toBe(before);
          continue;
        }
        taken.add(`${state} ${event.type} ${result.to}`);
        expect(next, where).toBe(result.to);
        if (JSON.stringify(context) !== JSON.stringify(result.crossing.context))
          expect(context, where).toEqual(result.crossing.context);
        live = result.crossing;
        state = next as CrossingState;
      }
    }
    expect(steps).toBeGreaterThan(140_000);
    const compiled = Object.entries(table).flatMap(([s, byEvent]) =>
      Object.entries(byEvent).flatMap(([e, candidates]) =>
        candidates.map((c) => `${s} ${e} ${c.target ?? s}`),
      ),
    );
    expect(compiled.filter((t) => !taken.has(t))).toEqual([]);
    expect([...taken].filter((t) => !compiled.includes(t))).toEqual([]);
  }, 120_000);

  it("refuses a compiled action the machine's assignments do not have", () => {
    expect(compiled("bookSlot")).not.toThrow();
    expect(compiled("noSuchAction")).toThrow("unknown action noSuchAction");
  });
});

/** compileMachine over a machine whose BOOK runs `action`: the table must know every action it runs. */
function compiled(action: string) {
  return () => {
    const booked = crossingMachine.states.declared?.transitions.get("BOOK")?.[0];
    if (!booked) throw new Error("no BOOK in declared");
    const saved = booked.actions;
    // why the cast: the test swaps one action of the machine's definition, then restores it
    (booked as unknown as { actions: unknown[] }).actions = [action];
    try {
      compileMachine();
    } finally {
      (booked as unknown as { actions: unknown[] }).actions = saved as unknown[];
    }
  };
}
