/**
 * The crossing machine: one truck's path through one checkpoint, from pre-declaration to
 * release. The live server and the simulator both drive it; it reads no clock and does no
 * I/O: the time and the actor come in on every event.
 */
import { assign, setup } from "xstate";
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

export const crossingMachine = setup({
  types: {
    context: {} as CrossingContext,
    events: {} as CrossingEvent,
    input: {} as CrossingInput,
  },
  guards,
  actions: {
    recordEntry: assign({
      // The initial "declared" is recorded from the input; every later entry from its event.
      history: ({ context, event }, params: { state: CrossingState }) =>
        "at" in event ? [...context.history, { state: params.state, at: event.at }] : context.history,
    }),
    bookSlot: assign({ slot: ({ event }) => (event.type === "BOOK" ? event.slot : null) }),
    voidCrossing: assign({
      voided: true,
      reasonCode: ({ event }) => (event.type === "VOID" ? event.reason : null),
      lane: null,
    }),
    dropSlot: assign({ slot: null }),
    checkIn: assign({
      checkedInAt: ({ event }) => event.at,
      walkIn: ({ context }) => context.slot === null,
    }),
    call: assign({
      lane: ({ event }) => (event.type === "CALL" ? event.lane : null),
      callDeadline: ({ event }) => (event.type === "CALL" ? event.deadline : null),
    }),
    missCall: assign({
      missedCalls: ({ context }) => context.missedCalls + 1,
      lane: null,
      callDeadline: null,
    }),
    clearCall: assign({ callDeadline: null }),
    promote: assign({
      promotedAt: ({ event }) => event.at,
      promotionReason: ({ event }) => (event.type === "PRIORITISE" ? event.reason : null),
    }),
    recordDocumentCheck: assign({
      documentCheckPassed: ({ event }) => event.type === "RECORD_DOCUMENT_CHECK" && event.passed,
    }),
    recordScan: assign({ scanResult: ({ event }) => (event.type === "RECORD_SCAN" ? event.result : null) }),
    recordInspection: assign({
      inspectionResult: ({ event }) => (event.type === "RECORD_INSPECTION" ? event.result : null),
    }),
    hold: assign({
      holdFrom: ({ context }) => {
        const current = context.history.at(-1)?.state;
        return current === "documentCheck" || current === "scan" || current === "physicalInspection"
          ? current
          : null;
      },
      holdDocuments: ({ event }) => (event.type === "HOLD" ? event.documents : null),
    }),
    resume: assign({ holdFrom: null, holdDocuments: null }),
    releaseByOfficer: assign({ releasedBy: "officer", lane: null }),
    releaseUnmanned: assign({ releasedBy: "unmanned" }),
    recordReason: assign({
      reasonCode: ({ event }) =>
        event.type === "REFUSE" ? event.reasonCode : "reason" in event ? (event.reason ?? null) : null,
      lane: null,
    }),
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
    history: [{ state: "declared", at: input.declaredAt }],
  }),
  states: {
    declared: {
      entry: { type: "recordEntry", params: { state: "declared" } },
      on: {
        BOOK: { target: "booked", guard: "slotNotPast", actions: "bookSlot" },
        CHECK_IN: { target: "waitingArea", guard: "walkInArrival", actions: "checkIn" },
        CANCEL: { target: "cancelled", actions: "recordReason" },
        EXPIRE: { target: "expired", guard: "declarationLapsed" },
        VOID: { target: "cancelled", guard: "supervisorVoidWithReason", actions: "voidCrossing" },
      },
    },
    booked: {
      entry: { type: "recordEntry", params: { state: "booked" } },
      on: {
        // a change of slot is one move: the old place is held until the new one is taken
        BOOK: { guard: "slotNotPast", actions: "bookSlot" },
        CANCEL_BOOKING: { target: "declared", actions: "dropSlot" },
        CHECK_IN: { target: "waitingArea", guard: "bookedArrival", actions: "checkIn" },
        CANCEL: { target: "cancelled", actions: "recordReason" },
        EXPIRE: { target: "expired", guard: "slotOver" },
        VOID: { target: "cancelled", guard: "supervisorVoidWithReason", actions: "voidCrossing" },
      },
    },
    waitingArea: {
      entry: { type: "recordEntry", params: { state: "waitingArea" } },
      on: {
        CALL: { target: "called", guard: "laneGiven", actions: "call" },
        PRIORITISE: { guard: "supervisorWithReason", actions: "promote" },
        UNMANNED_RELEASE: { target: "released", guard: "unmannedEligible", actions: "releaseUnmanned" },
        CANCEL: { target: "cancelled", actions: "recordReason" },
        VOID: { target: "cancelled", guard: "supervisorVoidWithReason", actions: "voidCrossing" },
      },
    },
    called: {
      entry: { type: "recordEntry", params: { state: "called" } },
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
      on: {
        RECORD_INSPECTION: { actions: "recordInspection" },
        HOLD: { target: "onHold", guard: "documentsNamed", actions: "hold" },
        RELEASE: { target: "released", guard: "inspectionPassed", actions: "releaseByOfficer" },
        REFUSE: { target: "refused", guard: "reasonCodeGiven", actions: "recordReason" },
      },
    },
    onHold: {
      entry: { type: "recordEntry", params: { state: "onHold" } },
      on: {
        RESUME: [
          { target: "documentCheck", guard: "heldAtDocumentCheck", actions: "resume" },
          { target: "scan", guard: "heldAtScan", actions: "resume" },
          { target: "physicalInspection", guard: "heldAtInspection", actions: "resume" },
        ],
        REFUSE: { target: "refused", guard: "reasonCodeGiven", actions: "recordReason" },
      },
    },
    released: { type: "final", entry: { type: "recordEntry", params: { state: "released" } } },
    refused: { type: "final", entry: { type: "recordEntry", params: { state: "refused" } } },
    cancelled: { type: "final", entry: { type: "recordEntry", params: { state: "cancelled" } } },
    expired: { type: "final", entry: { type: "recordEntry", params: { state: "expired" } } },
  },
});

export type CrossingMachine = typeof crossingMachine;
