/** Crossings in every state, reached through the machine, and a well-formed event of each type. */
import {
  type Actor,
  applyEvent,
  type Channel,
  type CrossingEvent,
  type CrossingEventType,
  type CrossingState,
  declareCrossing,
  type PersistedCrossing,
} from "../../machines/index.ts";

export const MIN = 60_000;
export const T0 = Date.UTC(2026, 10, 25, 6, 0);
const officer: Actor = { kind: "officer", id: "o1" };
export const supervisor: Actor = { kind: "supervisor", id: "s1" };

export function declared(channel: Channel = "green", complete = true): PersistedCrossing {
  return declareCrossing({
    id: "c1",
    checkpointId: "nur-zholy",
    plate: "123ABC02",
    channel,
    riskReasons: [],
    priority: "ordinary",
    declarationComplete: complete,
    declaredAt: T0,
  });
}

const lastAt = (c: PersistedCrossing) => c.context.history.at(-1)?.at ?? T0;

/** An event of this type with data that the rules accept for this crossing. */
export function goodEvent(type: CrossingEventType, c: PersistedCrossing): CrossingEvent {
  const at = lastAt(c) + MIN;
  const base = { at, actor: officer };
  switch (type) {
    case "BOOK":
      return { ...base, type, slot: { start: at + 60 * MIN, end: at + 120 * MIN } };
    case "CHECK_IN":
      return { ...base, type, policy: { walkInsAllowed: true, graceMinutes: 60 } };
    case "CALL":
      return { ...base, type, lane: 3, deadline: at + 20 * MIN };
    case "MISS_CALL":
      return { ...base, type, at: (c.context.callDeadline ?? at) + MIN };
    case "EXPIRE":
      return { ...base, type, at: (c.context.slot?.end ?? at) + MIN };
    case "PRIORITISE":
      return { ...base, actor: supervisor, type, reason: "perishable cargo, cooling failed" };
    case "VOID":
      return { ...base, actor: supervisor, type, reason: "plate squatted: the real truck has its papers" };
    case "RECORD_DOCUMENT_CHECK":
      return { ...base, type, passed: true };
    case "RECORD_SCAN":
      return { ...base, type, result: "clear" };
    case "RECORD_INSPECTION":
      return { ...base, type, result: "passed" };
    case "HOLD":
      return { ...base, type, documents: "CMR waybill" };
    case "UNMANNED_RELEASE":
      return { ...base, type, plateRead: c.context.plate };
    case "GATE_READ":
      return {
        ...base,
        actor: { kind: "device", id: "gate-1" },
        type,
        plateRead: c.context.plate,
        lane: { open: true, fromHour: 0, toHour: 24, timezone: "Asia/Almaty" },
      };
    case "REFUSE":
      return { ...base, type, reasonCode: "DOCS-FORGED" };
    default:
      return { ...base, type } as CrossingEvent;
  }
}

export function step(c: PersistedCrossing, type: CrossingEventType, patch: Partial<CrossingEvent> = {}) {
  const result = applyEvent(c, { ...goodEvent(type, c), ...patch } as CrossingEvent);
  if (!result.ok) throw new Error(`${type} in ${c.state}: ${result.reason}`);
  return result.crossing;
}

const PATHS: Record<CrossingState, CrossingEventType[]> = {
  declared: [],
  booked: ["BOOK"],
  waitingArea: ["BOOK", "CHECK_IN"],
  called: ["BOOK", "CHECK_IN", "CALL"],
  documentCheck: ["BOOK", "CHECK_IN", "CALL", "ARRIVE_AT_LANE"],
  scan: ["BOOK", "CHECK_IN", "CALL", "ARRIVE_AT_LANE", "RECORD_DOCUMENT_CHECK", "SEND_TO_SCAN"],
  physicalInspection: [
    "BOOK",
    "CHECK_IN",
    "CALL",
    "ARRIVE_AT_LANE",
    "RECORD_DOCUMENT_CHECK",
    "SEND_TO_INSPECTION",
  ],
  onHold: ["BOOK", "CHECK_IN", "CALL", "ARRIVE_AT_LANE", "HOLD"],
  released: ["BOOK", "CHECK_IN", "CALL", "ARRIVE_AT_LANE", "RECORD_DOCUMENT_CHECK", "RELEASE"],
  refused: ["BOOK", "CHECK_IN", "CALL", "ARRIVE_AT_LANE", "REFUSE"],
  cancelled: ["CANCEL"],
  expired: ["BOOK", "EXPIRE"],
};

export function crossingIn(state: CrossingState, channel: Channel = "green"): PersistedCrossing {
  return PATHS[state].reduce((c, type) => step(c, type), declared(channel));
}
