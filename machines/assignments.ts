/**
 * What the crossing machine's actions write into a crossing's context, each a named pure
 * function. XState's `assign` (machines/crossing.ts) and the compiled table (machines/table.ts,
 * which the live server and the simulator run) both run these, so the two cannot drift apart.
 *
 * Each writes its fields into `into`, reading only `context` and the event. XState passes a
 * fresh patch as `into`, so snapshots stay immutable; the simulator passes the truck's own
 * context as both, which allocates nothing: every assignment reads what it needs before it
 * writes, and replaces arrays and objects rather than changing them in place.
 */
import { smartLaneRefusal } from "./rules.ts";
import type { CrossingContext, CrossingEvent, CrossingState } from "./types.ts";

export type Assignment = (into: CrossingContext, context: CrossingContext, event: CrossingEvent) => void;

const isInspection = (s: CrossingState | undefined) =>
  s === "documentCheck" || s === "scan" || s === "physicalInspection";

/** The state entered and when, for the Time Release Study; the initial entry comes from the input. */
export function historyAfterEntry(
  context: CrossingContext,
  event: CrossingEvent,
  state: CrossingState,
): CrossingContext["history"] {
  return "at" in event ? [...context.history, { state, at: event.at }] : context.history;
}

export const assignments = {
  bookSlot: (into, _c, e) => {
    into.slot = e.type === "BOOK" ? e.slot : null;
  },
  voidCrossing: (into, _c, e) => {
    into.voided = true;
    into.reasonCode = e.type === "VOID" ? e.reason : null;
    into.lane = null;
  },
  dropSlot: (into) => {
    into.slot = null;
  },
  checkIn: (into, c, e) => {
    into.walkIn = c.slot === null;
    into.checkedInAt = e.at;
  },
  call: (into, _c, e) => {
    into.lane = e.type === "CALL" ? e.lane : null;
    into.callDeadline = e.type === "CALL" ? e.deadline : null;
  },
  missCall: (into, c) => {
    into.missedCalls = c.missedCalls + 1;
    into.lane = null;
    into.callDeadline = null;
  },
  clearCall: (into) => {
    into.callDeadline = null;
  },
  promote: (into, _c, e) => {
    into.promotedAt = e.at;
    into.promotionReason = e.type === "PRIORITISE" ? e.reason : null;
  },
  recordDocumentCheck: (into, _c, e) => {
    into.documentCheckPassed = e.type === "RECORD_DOCUMENT_CHECK" && e.passed;
  },
  recordScan: (into, _c, e) => {
    into.scanResult = e.type === "RECORD_SCAN" ? e.result : null;
  },
  recordInspection: (into, _c, e) => {
    into.inspectionResult = e.type === "RECORD_INSPECTION" ? e.result : null;
  },
  hold: (into, c, e) => {
    // the state the truck is held from is the last one entered
    const current = c.history.at(-1)?.state;
    into.holdFrom = isInspection(current) ? (current as CrossingContext["holdFrom"]) : null;
    into.holdDocuments = e.type === "HOLD" ? e.documents : null;
  },
  resume: (into, _c, e) => {
    into.holdFrom = null;
    into.holdDocuments = null;
    // the lane it resumes on, when the checkpoint chose one (older logs: the lane it had)
    if (e.type === "RESUME" && e.lane !== undefined) into.lane = e.lane;
  },
  releaseByOfficer: (into) => {
    into.releasedBy = "officer";
    into.lane = null;
  },
  releaseUnmanned: (into) => {
    into.releasedBy = "unmanned";
  },
  /** The Smart Customs gate lifts the barrier: released with no person, the decision kept. */
  releaseAtGate: (into, _c, e) => {
    into.gate = { at: e.at, decision: "released", reasonCode: null, reason: null };
    into.releasedBy = "unmanned";
  },
  /** The gate keeps the barrier down: the truck stays in the queue for a manned lane, with the reason. */
  handToMannedLane: (into, c, e) => {
    const why = smartLaneRefusal(c, e);
    into.gate = { at: e.at, decision: "manned", reasonCode: why?.code ?? null, reason: why?.reason ?? null };
  },
  recordReason: (into, _c, e) => {
    into.reasonCode =
      e.type === "REFUSE" ? e.reasonCode : "reason" in e ? ((e.reason as string | undefined) ?? null) : null;
    into.lane = null;
  },
} satisfies Record<string, Assignment>;

export type AssignmentName = keyof typeof assignments;
