/**
 * The crossing machine: one truck's path through one checkpoint, from pre-declaration to
 * release. The live server and the simulator both drive it; it reads no clock and does no
 * I/O: the time and the actor come in on every event.
 */
import { assign, setup } from "xstate";
import { type Assignment, assignments, historyAfterEntry } from "./assignments.ts";
import { type RuleName, rules } from "./rules.ts";
import type { CrossingContext, CrossingEvent, CrossingInput, CrossingState } from "./types.ts";

/** Turns a rule into a guard: the event may pass when the rule has no objection. */
const guard =
  (name: RuleName) =>
  ({ context, event }: { context: CrossingContext; event: CrossingEvent }) =>
    rules[name](context, event) === null;

const guards = Object.fromEntries(
  (Object.keys(rules) as RuleName[]).map((name) => [name, guard(name)]),
) as Record<RuleName, ReturnType<typeof guard>>;

/** Runs a shared assignment into a fresh patch, which XState merges into a new context. */
function patch(context: CrossingContext, event: CrossingEvent, write: Assignment): Partial<CrossingContext> {
  // why the cast: the patch holds only the fields the assignment writes, as assign() expects
  const into = {} as CrossingContext;
  write(into, context, event);
  return into;
}

export const crossingMachine = setup({
  types: {
    context: {} as CrossingContext,
    events: {} as CrossingEvent,
    input: {} as CrossingInput,
  },
  guards,
  actions: {
    recordEntry: assign({
      history: ({ context, event }, params: { state: CrossingState }) =>
        historyAfterEntry(context, event, params.state),
    }),
    bookSlot: assign(({ context, event }) => patch(context, event, assignments.bookSlot)),
    voidCrossing: assign(({ context, event }) => patch(context, event, assignments.voidCrossing)),
    dropSlot: assign(({ context, event }) => patch(context, event, assignments.dropSlot)),
    checkIn: assign(({ context, event }) => patch(context, event, assignments.checkIn)),
    call: assign(({ context, event }) => patch(context, event, assignments.call)),
    missCall: assign(({ context, event }) => patch(context, event, assignments.missCall)),
    clearCall: assign(({ context, event }) => patch(context, event, assignments.clearCall)),
    promote: assign(({ context, event }) => patch(context, event, assignments.promote)),
    recordDocumentCheck: assign(({ context, event }) =>
      patch(context, event, assignments.recordDocumentCheck),
    ),
    recordScan: assign(({ context, event }) => patch(context, event, assignments.recordScan)),
    recordInspection: assign(({ context, event }) => patch(context, event, assignments.recordInspection)),
    hold: assign(({ context, event }) => patch(context, event, assignments.hold)),
    resume: assign(({ context, event }) => patch(context, event, assignments.resume)),
    releaseByOfficer: assign(({ context, event }) => patch(context, event, assignments.releaseByOfficer)),
    releaseUnmanned: assign(({ context, event }) => patch(context, event, assignments.releaseUnmanned)),
    releaseAtGate: assign(({ context, event }) => patch(context, event, assignments.releaseAtGate)),
    handToMannedLane: assign(({ context, event }) => patch(context, event, assignments.handToMannedLane)),
    recordReason: assign(({ context, event }) => patch(context, event, assignments.recordReason)),
  },
}).createMachine({
  id: "crossing",
  initial: "declared",
  context: ({ input }) => ({
    id: input.id,
    checkpointId: input.checkpointId,
    plate: input.plate,
    channel: input.channel,
    riskReasons: input.riskReasons,
    priority: input.priority,
    declarationComplete: input.declarationComplete,
    slot: null,
    walkIn: false,
    checkedInAt: null,
    lane: null,
    callDeadline: null,
    missedCalls: 0,
    promotedAt: null,
    promotionReason: null,
    holdFrom: null,
    holdDocuments: null,
    documentCheckPassed: false,
    scanResult: null,
    inspectionResult: null,
    releasedBy: null,
    reasonCode: null,
    vin: input.vin ?? null,
    ...(input.driverless ? { driverless: true } : {}),
    history: [{ state: "declared", at: input.declaredAt }],
  }),
  states: {
    declared: {
      entry: { type: "recordEntry", params: { state: "declared" } },
      tags: ["beforeArrival", "open"],
      on: {
        BOOK: { target: "booked", guard: "bookable", actions: "bookSlot" },
        CHECK_IN: { target: "waitingArea", guard: "walkInArrival", actions: "checkIn" },
        CANCEL: { target: "cancelled", guard: "carriersOwn", actions: "recordReason" },
        EXPIRE: { target: "expired", guard: "declarationLapsed" },
        VOID: { target: "cancelled", guard: "supervisorVoidWithReason", actions: "voidCrossing" },
      },
    },
    booked: {
      entry: { type: "recordEntry", params: { state: "booked" } },
      tags: ["beforeArrival", "open", "holdsPlace", "activeBooking"],
      on: {
        // a change of slot is one move: the old place is held until the new one is taken
        BOOK: { guard: "bookable", actions: "bookSlot" },
        CANCEL_BOOKING: { target: "declared", guard: "carriersOwn", actions: "dropSlot" },
        CHECK_IN: { target: "waitingArea", guard: "bookedArrival", actions: "checkIn" },
        CANCEL: { target: "cancelled", guard: "carriersOwn", actions: "recordReason" },
        EXPIRE: { target: "expired", guard: "slotOver" },
        VOID: { target: "cancelled", guard: "supervisorVoidWithReason", actions: "voidCrossing" },
      },
    },
    waitingArea: {
      entry: { type: "recordEntry", params: { state: "waitingArea" } },
      tags: ["open", "holdsPlace", "inQueue", "activeBooking"],
      on: {
        CALL: { target: "called", guard: "laneGiven", actions: "call" },
        PRIORITISE: { guard: "promotable", actions: "promote" },
        UNMANNED_RELEASE: { target: "released", guard: "unmannedEligible", actions: "releaseUnmanned" },
        // the Smart Customs gate (issue 22): the barrier lifts, or the truck waits for a manned lane
        GATE_READ: [
          { target: "released", guard: "smartLaneClears", actions: "releaseAtGate" },
          { guard: "gateNotYetRead", actions: "handToMannedLane" },
        ],
        CANCEL: { target: "cancelled", guard: "carriersOwn", actions: "recordReason" },
        VOID: { target: "cancelled", guard: "supervisorVoidWithReason", actions: "voidCrossing" },
      },
    },
    called: {
      entry: { type: "recordEntry", params: { state: "called" } },
      tags: ["open", "holdsPlace", "inControlZone", "holdsLane", "notifiesDriver", "activeBooking"],
      on: {
        ARRIVE_AT_LANE: { target: "documentCheck", actions: "clearCall" },
        MISS_CALL: [
          { target: "waitingArea", guard: "firstMissAfterDeadline", actions: "missCall" },
          { target: "expired", guard: "deadlinePassed", actions: "missCall" },
        ],
      },
    },
    documentCheck: {
      entry: { type: "recordEntry", params: { state: "documentCheck" } },
      tags: ["open", "holdsPlace", "inControlZone", "holdsLane", "activeBooking"],
      on: {
        RECORD_DOCUMENT_CHECK: { actions: "recordDocumentCheck" },
        SEND_TO_SCAN: { target: "scan", guard: "documentsPassed" },
        SEND_TO_INSPECTION: { target: "physicalInspection", guard: "documentsPassed" },
        HOLD: { target: "onHold", guard: "documentsNamed", actions: "hold" },
        RELEASE: { target: "released", guard: "greenCleared", actions: "releaseByOfficer" },
        REFUSE: { target: "refused", guard: "reasonCodeGiven", actions: "recordReason" },
      },
    },
    scan: {
      entry: { type: "recordEntry", params: { state: "scan" } },
      tags: ["open", "holdsPlace", "inControlZone", "activeBooking"],
      on: {
        RECORD_SCAN: { actions: "recordScan" },
        SEND_TO_INSPECTION: { target: "physicalInspection" },
        HOLD: { target: "onHold", guard: "documentsNamed", actions: "hold" },
        RELEASE: { target: "released", guard: "scanCleared", actions: "releaseByOfficer" },
        REFUSE: { target: "refused", guard: "reasonCodeGiven", actions: "recordReason" },
      },
    },
    physicalInspection: {
      entry: { type: "recordEntry", params: { state: "physicalInspection" } },
      tags: ["open", "holdsPlace", "inControlZone", "activeBooking"],
      on: {
        RECORD_INSPECTION: { actions: "recordInspection" },
        HOLD: { target: "onHold", guard: "documentsNamed", actions: "hold" },
        RELEASE: { target: "released", guard: "inspectionPassed", actions: "releaseByOfficer" },
        REFUSE: { target: "refused", guard: "reasonCodeGiven", actions: "recordReason" },
      },
    },
    onHold: {
      entry: { type: "recordEntry", params: { state: "onHold" } },
      tags: ["open", "holdsPlace", "inControlZone", "notifiesDriver", "activeBooking"],
      on: {
        RESUME: [
          { target: "documentCheck", guard: "resumeToLane", actions: "resume" },
          { target: "scan", guard: "heldAtScan", actions: "resume" },
          { target: "physicalInspection", guard: "heldAtInspection", actions: "resume" },
        ],
        REFUSE: { target: "refused", guard: "reasonCodeGiven", actions: "recordReason" },
      },
    },
    released: {
      type: "final",
      entry: { type: "recordEntry", params: { state: "released" } },
      tags: ["holdsPlace", "processed", "notifiesDriver"],
    },
    refused: {
      type: "final",
      entry: { type: "recordEntry", params: { state: "refused" } },
      tags: ["holdsPlace", "processed", "notifiesDriver"],
    },
    cancelled: {
      type: "final",
      entry: { type: "recordEntry", params: { state: "cancelled" } },
    },
    expired: {
      type: "final",
      entry: { type: "recordEntry", params: { state: "expired" } },
      tags: ["notifiesDriver"],
    },
  },
});

export type CrossingMachine = typeof crossingMachine;
