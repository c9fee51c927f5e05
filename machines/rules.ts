/**
 * The rules of a crossing, each a pure check that returns null when the event may go ahead,
 * or a sentence saying why not. The machine uses them as guards; `explainRejection` uses
 * the same sentences to tell an officer or a driver why an action was refused.
 */
import { canonicalPlate, canonicalVin } from "./identity.ts";
import type {
  CrossingContext,
  CrossingEvent,
  GateReasonCode,
  InspectionState,
  SmartLanePolicy,
} from "./types.ts";

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
    return laneFree(e.lane, e);
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
  /** Back to the document check: on a lane that is open and free, as a call's (a lane is a person's desk). */
  resumeToLane: (c, e) => {
    const held = heldAt(c, "documentCheck");
    if (held || e.type !== "RESUME" || e.lanesBusy === undefined) return held;
    if (e.lane === undefined) return "every lane is busy: resume the truck when a lane is free";
    if (!Number.isInteger(e.lane) || e.lane < 1) return "a resumed truck needs a lane number";
    return laneFree(e.lane, e);
  },
  heldAtScan: (c) => heldAt(c, "scan"),
  heldAtInspection: (c) => heldAt(c, "physicalInspection"),
  unmannedEligible: (c, e) => {
    if (e.type !== "UNMANNED_RELEASE") return null;
    if (e.laneInService === false) return "the unmanned green lane is not in service at this checkpoint";
    if (c.channel !== "green") return "the unmanned lane takes green-channel trucks only";
    if (!c.declarationComplete) return "the electronic pre-declaration is not complete";
    return plateMismatch(c, e.plateRead);
  },
  // the Smart Customs gate decides once; a second read of the same truck changes nothing
  gateNotYetRead: (c, e) => {
    if (e.type !== "GATE_READ" || !c.gate) return null;
    return c.gate.decision === "manned"
      ? "the gate has already sent this truck to the manned lanes"
      : "the gate has already released this truck";
  },
  /** GATE_READ that lifts the barrier: not read before, and the lane may take this truck now. */
  smartLaneClears: (c, e): string | null =>
    rules.gateNotYetRead(c, e) ?? smartLaneRefusal(c, e)?.reason ?? null,
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
  /** A driverless crossing is its carrier's (issue 22): it has no driver, so no driver books or cancels it. */
  carriersOwn: (c, e) =>
    c.driverless && e.actor.kind === "driver"
      ? "a driverless crossing is its carrier's: the carrier books and cancels it through the carriers' API"
      : null,
  /** BOOK: a slot that is not over yet, booked by someone the crossing lets book it. */
  bookable: (c, e): string | null => rules.slotNotPast(c, e) ?? rules.carriersOwn(c, e),
  /** What a guard added by a later version was before it: no objection (versions.ts). */
  noObjection: () => null,
} satisfies Record<string, Rule>;

const greenAndDeclared = (c: CrossingContext): { code: GateReasonCode; reason: string } | null => {
  if (c.channel !== "green")
    return {
      code: "customs-control",
      reason: `the ${c.channel} channel needs ${c.channel === "yellow" ? "the scan" : "a physical inspection"} at a manned lane`,
    };
  if (!c.declarationComplete)
    return { code: "declaration-incomplete", reason: "the electronic pre-declaration is not complete" };
  return null;
};

const plateMismatch = (c: CrossingContext, plateRead: string): string | null =>
  canonicalPlate(plateRead) === canonicalPlate(c.plate)
    ? null
    : "the plate read does not match the declared plate";

/**
 * HH:MM in a zone, built once per zone: building an Intl.DateTimeFormat costs about 90 µs here, using
 * one about 2, and the gate's guards ask on every read at a lane with hours. Intl reads no clock.
 */
const hourMinute = new Map<string, Intl.DateTimeFormat>();
function hourMinuteIn(timezone: string): Intl.DateTimeFormat {
  let format = hourMinute.get(timezone);
  if (!format) {
    // an unknown zone throws here, before it could fill the map
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: timezone,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    hourMinute.set(timezone, format);
  }
  return format;
}

/** The hour of the day, with its minutes as a fraction, in the zone. */
function localHour(at: number, timezone: string): number {
  const parts = hourMinuteIn(timezone).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part("hour") + part("minute") / 60;
}

/** Whether `at` falls in the lane's hours; hours that pass midnight (22-6) wrap round. */
export function withinLaneHours(at: number, lane: SmartLanePolicy): boolean {
  if (lane.fromHour === lane.toHour || (lane.fromHour === 0 && lane.toHour === 24)) return true;
  const h = localHour(at, lane.timezone);
  return lane.fromHour < lane.toHour
    ? h >= lane.fromHour && h < lane.toHour
    : h >= lane.fromHour || h < lane.toHour;
}

const two = (h: number) => String(h).padStart(2, "0");

/**
 * Why the Smart Customs lane may not release this truck now, with a code for its carrier, or null:
 * the lane open and within its hours, green, a complete declaration, and the vehicle read is the
 * declared one (each plate or VIN the gate read must match).
 */
export function smartLaneRefusal(
  c: CrossingContext,
  e: CrossingEvent,
): { code: GateReasonCode; reason: string } | null {
  if (e.type !== "GATE_READ") return null;
  if (!e.lane.open)
    return { code: "lane-closed", reason: "the Smart Customs lane is closed at this checkpoint" };
  if (!withinLaneHours(e.at, e.lane))
    return {
      code: "outside-hours",
      reason: `the Smart Customs lane is open from ${two(e.lane.fromHour)}:00 to ${two(e.lane.toHour)}:00`,
    };
  const rule = greenAndDeclared(c);
  if (rule) return rule;
  if (e.vinRead && c.vin && canonicalVin(e.vinRead) !== c.vin)
    return { code: "identity-mismatch", reason: "the VIN read does not match the declared VIN" };
  const plate = e.plateRead ? plateMismatch(c, e.plateRead) : null;
  if (plate) return { code: "identity-mismatch", reason: plate };
  return null;
}

/** When a booked truck may first check in: `earlyMinutes` before its slot starts. */
export const arrivalWindowOpens = (slotStart: number, earlyMinutes: number) =>
  slotStart - earlyMinutes * MINUTE;

/** HH:MM in the checkpoint's zone (UTC when none is given); Intl reads no clock here. */
function clock(at: number, timezone = "UTC"): string {
  return hourMinuteIn(timezone).format(at);
}

/** What the checkpoint knows of its lanes comes in on the event; logs written before it did not say. */
function laneFree(lane: number, known: { lanesOpen?: number; lanesBusy?: number[] }): string | null {
  if (known.lanesOpen !== undefined && lane > known.lanesOpen)
    return `lane ${lane} is not open: ${known.lanesOpen} lanes are open`;
  if (known.lanesBusy?.includes(lane)) return `lane ${lane} is not free`;
  return null;
}

function heldAt(c: CrossingContext, stage: InspectionState): string | null {
  return c.holdFrom === stage ? null : `the truck was not held at ${stage}`;
}

export type RuleName = keyof typeof rules;
/** The one plate normaliser, under the name the officers' check-in has used; see identity.ts. */
export { canonicalPlate as normalisePlate };
