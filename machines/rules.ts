/**
 * The rules of a crossing, each a pure check that returns null when the event may go ahead,
 * or a sentence saying why not. The machine uses them as guards; `explainRejection` uses
 * the same sentences to tell an officer or a driver why an action was refused.
 */
import { canonicalPlate, canonicalVin } from "./identity.ts";
import type { CrossingContext, CrossingEvent, InspectionState } from "./types.ts";

type Rule = (context: CrossingContext, event: CrossingEvent) => string | null;

const MINUTE = 60_000;

const HOUR = 60 * MINUTE;

const deadlinePassed: Rule = (c, e) =>
  c.callDeadline !== null && e.at < c.callDeadline ? "the truck still has time to reach its lane" : null;

const supervisorWithReason: Rule = (_c, e) => {
  if (e.type !== "PRIORITISE") return null;
  if (e.actor.kind !== "supervisor") return "only a supervisor may move a truck forward";
  return e.reason.trim() ? null : "moving a truck forward needs a reason";
};

export const rules = {
  slotNotPast: (_c, e) => {
    if (e.type !== "BOOK") return null;
    if (e.slot.end <= e.slot.start) return "the slot ends before it starts";
    return e.slot.end <= e.at ? "that slot is already over" : null;
  },
  bookedCheckInInTime: (c, e) => {
    if (e.type !== "CHECK_IN" || !c.slot) return null;
    const late = e.at - c.slot.end;
    if (late <= e.policy.graceMinutes * MINUTE) return null;
    return `the booking has lapsed: the truck arrived ${Math.round(late / MINUTE)} min after its slot ended and the grace window is ${e.policy.graceMinutes} min`;
  },
  // the arrival window opens earlyArrivalMinutes before the slot: a truck a day early would
  // otherwise join today's queue ahead of today's bookings
  notTooEarly: (c, e) => {
    if (e.type !== "CHECK_IN" || !c.slot || e.policy.earlyArrivalMinutes === undefined) return null;
    const opens = arrivalWindowOpens(c.slot.start, e.policy.earlyArrivalMinutes);
    if (e.at >= opens) return null;
    return `the truck is early: its arrival window opens at ${clock(opens, e.policy.timezone)}; come back at ${clock(opens, e.policy.timezone)}`;
  },
  vinMatches: (c, e) => {
    if (e.type !== "CHECK_IN" || !c.vin || !e.vin) return null;
    return canonicalVin(e.vin) === c.vin
      ? null
      : "the VIN at the gate does not match the declared VIN: this is not the declared truck";
  },
  /** CHECK_IN of a booked truck: within its arrival window, and the declared vehicle. */
  bookedArrival: (c, e): string | null =>
    rules.notTooEarly(c, e) ?? rules.bookedCheckInInTime(c, e) ?? rules.vinMatches(c, e),
  walkInAllowed: (_c, e) =>
    e.type === "CHECK_IN" && !e.policy.walkInsAllowed
      ? "this checkpoint does not take walk-ins: book an arrival slot first"
      : null,
  /** CHECK_IN without a booking: where walk-ins are taken, and the declared vehicle. */
  walkInArrival: (c, e): string | null => rules.walkInAllowed(c, e) ?? rules.vinMatches(c, e),
  laneGiven: (_c, e) => {
    if (e.type !== "CALL") return null;
    if (!Number.isInteger(e.lane) || e.lane < 1 || e.deadline <= e.at)
      return "a call needs a lane number and a deadline in the future";
    // what the checkpoint knows of its lanes comes in on the event; logs written before it did not say
    if (e.lanesOpen !== undefined && e.lane > e.lanesOpen)
      return `lane ${e.lane} is not open: ${e.lanesOpen} lanes are open`;
    if (e.lanesBusy?.includes(e.lane)) return `lane ${e.lane} is not free`;
    return null;
  },
  deadlinePassed,
  firstMissAfterDeadline: (c, e) =>
    deadlinePassed(c, e) ?? (c.missedCalls === 0 ? null : "the truck has already missed one call"),
  supervisorWithReason,

  // a truck is moved forward once: a second move would put it ahead of trucks moved after it
  promotable: (c, e) =>
    supervisorWithReason(c, e) ?? (c.promotedAt !== null ? "the truck has already been moved forward" : null),
  documentsPassed: (c) => (c.documentCheckPassed ? null : "the document check has not been passed"),
  greenCleared: (c) => {
    if (!c.documentCheckPassed) return "cannot release: the document check is not complete";
    if (c.channel === "yellow") return "cannot release: this truck must pass the scan";
    if (c.channel === "red") return "cannot release: this truck must pass the physical inspection";
    return null;
  },
  scanCleared: (c) => {
    if (c.scanResult === null) return "cannot release: the scan is not complete";
    if (c.scanResult === "suspicious")
      return "cannot release: the scan found something; send to physical inspection";
    if (c.channel === "red") return "cannot release: this truck must pass the physical inspection";
    return null;
  },
  inspectionPassed: (c) => {
    if (c.inspectionResult === null) return "cannot release: the physical inspection is not complete";
    return c.inspectionResult === "passed"
      ? null
      : "cannot release: the physical inspection failed; refuse the truck";
  },
  reasonCodeGiven: (_c, e) =>
    e.type === "REFUSE" && !e.reasonCode.trim() ? "a refusal needs a reason code" : null,
  documentsNamed: (_c, e) =>
    e.type === "HOLD" && !e.documents.trim() ? "a hold needs the documents requested" : null,
  heldAtDocumentCheck: (c) => heldAt(c, "documentCheck"),
  heldAtScan: (c) => heldAt(c, "scan"),
  heldAtInspection: (c) => heldAt(c, "physicalInspection"),
  unmannedEligible: (c, e) => {
    if (e.type !== "UNMANNED_RELEASE") return null;
    if (e.laneInService === false) return "the unmanned green lane is not in service at this checkpoint";
    if (c.channel !== "green") return "the unmanned lane takes green-channel trucks only";
    if (!c.declarationComplete) return "the electronic pre-declaration is not complete";
    if (canonicalPlate(e.plateRead) !== canonicalPlate(c.plate))
      return "the plate read does not match the declared plate";
    return null;
  },
  // a booking lapses only when a truck could no longer check in on it: slot end plus the grace window
  slotOver: (c, e) => {
    if (e.type !== "EXPIRE" || !c.slot) return null;
    const graceEnd = c.slot.end + (e.policy?.graceMinutes ?? 0) * MINUTE;
    return e.at < graceEnd ? "the slot and its grace window have not ended yet" : null;
  },
  // a declaration nobody books lapses, so a plate typed by someone else is not held for ever
  declarationLapsed: (c, e) => {
    if (e.type !== "EXPIRE") return null;
    const hours = e.policy?.declarationLapseHours;
    if (hours === undefined) return "no lapse time was given for a declaration without a booking";
    const declaredAt = c.history[0]?.at ?? 0;
    return e.at < declaredAt + hours * HOUR ? "the declaration has not lapsed yet" : null;
  },
  supervisorVoidWithReason: (_c, e) => {
    if (e.type !== "VOID") return null;
    if (e.actor.kind !== "supervisor") return "only a supervisor may void a crossing";
    // typeof: the event may come from a log or a client without one
    return typeof e.reason === "string" && e.reason.trim() ? null : "voiding a crossing needs a reason";
  },
} satisfies Record<string, Rule>;

/** When a booked truck may first check in: `earlyMinutes` before its slot starts. */
export const arrivalWindowOpens = (slotStart: number, earlyMinutes: number) =>
  slotStart - earlyMinutes * MINUTE;

/** HH:MM in the checkpoint's zone (UTC when none is given); Intl reads no clock here. */
function clock(at: number, timezone = "UTC"): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: timezone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}

function heldAt(c: CrossingContext, stage: InspectionState): string | null {
  return c.holdFrom === stage ? null : `the truck was not held at ${stage}`;
}

export type RuleName = keyof typeof rules;
/** The one plate normaliser, under the name the officers' check-in has used; see identity.ts. */
export { canonicalPlate as normalisePlate };
