/**
 * The one way a crossing changes: apply an event to a snapshot through the machine.
 * Pure: the caller (the store, the simulator) owns persistence and the clock.
 */
import { type ActorScope, createActor, type SnapshotFrom } from "xstate";
import { crossingMachine } from "./crossing.ts";
import { type RuleName, rules } from "./rules.ts";
import { compileMachine, execute } from "./table.ts";
import type { CrossingContext, CrossingEvent, CrossingInput, CrossingState } from "./types.ts";
import { MACHINE_VERSION, machineAt } from "./versions.ts";

export type CrossingSnapshot = SnapshotFrom<typeof crossingMachine>;

/** What we store: the state and the context are the whole truth of a crossing. */
export interface PersistedCrossing {
  state: CrossingState;
  context: CrossingContext;
}

export type ApplyResult =
  | { ok: true; from: CrossingState; to: CrossingState; crossing: PersistedCrossing }
  | { ok: false; state: CrossingState; reason: string };

/**
 * One inert actor scope for every transition. xstate's transition() and initialTransition()
 * build a new actor, and compute its initial state, on every call: a third of a booking's time
 * in the store. This scope executes nothing (no logging, no deferred work, no children), so a
 * transition stays a pure function of the snapshot and the event; the machine's actions only
 * assign to the context.
 */
// why the cast: like xstate's own transition(), the inert actor is made without a crossing's
// input; its snapshot is never read or started
const inertActor = createActor(crossingMachine, { input: undefined as unknown as CrossingInput });
const inertScope: ActorScope<CrossingSnapshot, CrossingEvent> = {
  self: inertActor,
  id: "",
  sessionId: "",
  logger: () => {},
  defer: () => {},
  emit: () => {},
  system: inertActor.system,
  stopChild: () => {},
  actionExecutor: () => {},
};

export function declareCrossing(input: CrossingInput): PersistedCrossing {
  return persist(crossingMachine.getInitialSnapshot(inertScope, input));
}

export function restore(crossing: PersistedCrossing): CrossingSnapshot {
  return crossingMachine.resolveState({ value: crossing.state, context: crossing.context });
}

function persist(snapshot: CrossingSnapshot): PersistedCrossing {
  return { state: snapshot.value as CrossingState, context: snapshot.context };
}

/** Today's machine compiled to its table once (table.ts): what applyEvent runs. */
const TODAY = compileMachine();

/**
 * One event through the machine. Today's machine runs as its compiled table: the same transitions,
 * guards (rules.ts) and assignments (assignments.ts) as XState's definition, at about a fiftieth of
 * the interpreter's cost (a gate's read applies two events, a hundred gates read at once);
 * test/sim/machine-table.test.ts proves the two agree, state and whole context, after every step.
 * `version`: the machine whose rules decide; a replay passes the version that logged the event, and
 * an older machine's event goes through XState (applyEventByXState).
 */
export function applyEvent(
  crossing: PersistedCrossing,
  event: CrossingEvent,
  version = MACHINE_VERSION,
): ApplyResult {
  if (version !== MACHINE_VERSION) return applyEventByXState(crossing, event, version);
  // a context of its own: the assignments replace arrays and objects, never change them in place
  const context = { ...crossing.context };
  const to = execute(TODAY, crossing.state, context, event);
  if (to === undefined)
    return { ok: false, state: crossing.state, reason: explainRejection(crossing, event) };
  return { ok: true, from: crossing.state, to, crossing: { state: to, context } };
}

/** The event through XState's interpreter: for older machines, and as the reference the table is held to. */
export function applyEventByXState(
  crossing: PersistedCrossing,
  event: CrossingEvent,
  version = MACHINE_VERSION,
): ApplyResult {
  const machine = version === MACHINE_VERSION ? crossingMachine : machineAt(version);
  const snapshot = machine.resolveState({ value: crossing.state, context: crossing.context });
  if (!snapshot.can(event)) {
    return { ok: false, state: crossing.state, reason: explainRejection(crossing, event) };
  }
  const next = machine.transition(snapshot, event, inertScope);
  const persisted = persist(next);
  return { ok: true, from: crossing.state, to: persisted.state, crossing: persisted };
}

/**
 * Replays a crossing's events from its declaration: the event log must reproduce the snapshot.
 * `versions[i]`: the machine version that logged events[i] (today's when absent).
 */
export function replay(
  input: CrossingInput,
  events: readonly CrossingEvent[],
  versions?: readonly number[],
): PersistedCrossing {
  let crossing = declareCrossing(input);
  for (const [i, event] of events.entries()) {
    const result = applyEvent(crossing, event, versions?.[i] ?? MACHINE_VERSION);
    if (!result.ok) throw new Error(`replay: ${event.type} rejected in ${crossing.state}: ${result.reason}`);
    crossing = result.crossing;
  }
  return crossing;
}

const STATE_WORDS: Record<CrossingState, string> = {
  declared: "pre-declared, without a slot",
  booked: "booked, not yet checked in",
  waitingArea: "in the waiting area",
  called: "called to a lane",
  documentCheck: "at the document check",
  scan: "at the scan",
  physicalInspection: "in physical inspection",
  onHold: "on hold",
  released: "released",
  refused: "refused",
  cancelled: "cancelled",
  expired: "expired",
};

const EVENT_WORDS: Record<CrossingEvent["type"], string> = {
  BOOK: "book a slot",
  CANCEL_BOOKING: "cancel the booking",
  CHECK_IN: "check in",
  CALL: "call to a lane",
  ARRIVE_AT_LANE: "start the document check",
  MISS_CALL: "record a missed call",
  PRIORITISE: "move forward",
  RECORD_DOCUMENT_CHECK: "record the document check",
  SEND_TO_SCAN: "send to the scan",
  RECORD_SCAN: "record the scan",
  SEND_TO_INSPECTION: "send to physical inspection",
  RECORD_INSPECTION: "record the physical inspection",
  HOLD: "put on hold",
  RESUME: "resume",
  RELEASE: "release",
  UNMANNED_RELEASE: "release through the unmanned lane",
  GATE_READ: "read at the Smart Customs gate",
  REFUSE: "refuse",
  CANCEL: "cancel",
  EXPIRE: "expire",
  VOID: "void",
};

export const describeState = (state: CrossingState) => STATE_WORDS[state];

/** Says why the machine refuses an event: the first rule that objects, or that the state has no such step. */
export function explainRejection(crossing: PersistedCrossing, event: CrossingEvent): string {
  const node = crossingMachine.states[crossing.state];
  const candidates = node?.transitions.get(event.type) ?? [];
  for (const candidate of candidates) {
    const guard = candidate.guard;
    const name = typeof guard === "string" ? guard : (guard as { type?: string } | undefined)?.type;
    if (name && name in rules) {
      const reason = rules[name as RuleName](crossing.context, event);
      if (reason) return reason;
    }
  }
  return `cannot ${EVENT_WORDS[event.type]}: the truck is ${STATE_WORDS[crossing.state]}`;
}
