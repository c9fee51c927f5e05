/** The vocabulary of one truck's crossing of one checkpoint. Pure data: no I/O here. */

export const CHANNELS = ["green", "yellow", "red"] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Priority classes for the queue discipline (../shared/domain.md, eCherha's cycle).
 * "transit" covers AEO, TIR and T1 transit; "perishableTransit" is both at once.
 */
export const PRIORITY_CLASSES = [
  "perishableTransit",
  "perishable",
  "transit",
  "humanitarian",
  "dangerous",
  "ordinary",
] as const;
export type PriorityClass = (typeof PRIORITY_CLASSES)[number];

export const STATES = [
  "declared",
  "booked",
  "waitingArea",
  "called",
  "documentCheck",
  "scan",
  "physicalInspection",
  "onHold",
  "released",
  "refused",
  "cancelled",
  "expired",
] as const;
export type CrossingState = (typeof STATES)[number];

export const FINAL_STATES: readonly CrossingState[] = ["released", "refused", "cancelled", "expired"];
export const INSPECTION_STATES = ["documentCheck", "scan", "physicalInspection"] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];

export type ActorKind = "driver" | "officer" | "supervisor" | "device" | "system" | "carrier";
export interface Actor {
  kind: ActorKind;
  /** user id, API key id, or "timer" / "sim"; never a personal name */
  id: string;
}

export interface Slot {
  /** epoch milliseconds */
  start: number;
  end: number;
}

/** The checkpoint rules a check-in depends on; passed in on the event, so the machine stays pure. */
export interface CheckInPolicy {
  walkInsAllowed: boolean;
  graceMinutes: number;
  /**
   * How long before its slot a booked truck may check in; absent in logs written before the arrival
   * window existed (their early check-ins replay as they were accepted).
   */
  earlyArrivalMinutes?: number;
  /** the checkpoint's IANA zone, so "come back at HH:MM" is in the time the driver reads */
  timezone?: string;
}

/** When a declaration without a booking lapses (issue 14: squatted plates); absent in older logs. */
export interface LapsePolicy {
  graceMinutes: number;
  declarationLapseHours?: number;
}

/**
 * The Smart Customs lane as the checkpoint runs it when the gate reads a truck: whether it is open
 * and its hours in local time (0-24 is round the clock). It comes in on the event, so the rule that
 * reads the event's time against the hours stays pure.
 */
export interface SmartLanePolicy {
  open: boolean;
  fromHour: number;
  toHour: number;
  /** the checkpoint's IANA zone: the hours are local */
  timezone: string;
}

/** Why the gate sent a truck to a manned lane, as a code a carrier's system can act on. */
export const GATE_REASON_CODES = [
  "lane-closed",
  "outside-hours",
  "customs-control",
  "declaration-incomplete",
  "identity-mismatch",
] as const;
export type GateReasonCode = (typeof GATE_REASON_CODES)[number];

export interface GateDecision {
  at: number;
  /** released through the Smart Customs lane, or handed to the manned lanes' queue */
  decision: "released" | "manned";
  reasonCode: GateReasonCode | null;
  /** the rule's sentence, for customs (it may name the channel, which the carrier never sees) */
  reason: string | null;
}

export type ScanResult = "clear" | "suspicious";
export type InspectionResult = "passed" | "failed";

export interface CrossingContext {
  id: string;
  checkpointId: string;
  plate: string;
  channel: Channel;
  riskReasons: string[];
  priority: PriorityClass;
  /** all mandatory pre-declaration data present: a precondition of the unmanned green lane */
  declarationComplete: boolean;
  slot: Slot | null;
  walkIn: boolean;
  checkedInAt: number | null;
  lane: number | null;
  callDeadline: number | null;
  missedCalls: number;
  /** set when a supervisor moves the truck forward; the queue puts it first */
  promotedAt: number | null;
  promotionReason: string | null;
  holdFrom: InspectionState | null;
  holdDocuments: string | null;
  documentCheckPassed: boolean;
  scanResult: ScanResult | null;
  inspectionResult: InspectionResult | null;
  releasedBy: "officer" | "unmanned" | null;
  reasonCode: string | null;
  /** the declared VIN, canonical; absent in snapshots written before VINs were declared */
  vin?: string | null;
  /** set when a supervisor voided the crossing (a squatted plate); its reason is in reasonCode */
  voided?: boolean;
  /** no driver: the carrier's system declared it and is told everything (issue 22); absent before */
  driverless?: boolean;
  /** the Smart Customs gate's decision, once it has read the truck (issue 22) */
  gate?: GateDecision | null;
  /** each state entered, with when: the Time Release Study stages come from these */
  history: { state: CrossingState; at: number }[];
}

export interface CrossingInput {
  id: string;
  checkpointId: string;
  plate: string;
  channel: Channel;
  riskReasons: string[];
  priority: PriorityClass;
  declarationComplete: boolean;
  declaredAt: number;
  /** the declared VIN, canonical, if one was given */
  vin?: string | null;
  /** a driverless truck, declared by its carrier's system */
  driverless?: boolean;
}

interface Base {
  /** epoch milliseconds, from the caller's clock (live server or simulator) */
  at: number;
  actor: Actor;
}

export type CrossingEvent =
  | (Base & { type: "BOOK"; slot: Slot })
  | (Base & { type: "CANCEL_BOOKING"; reason?: string })
  // vin: the VIN read or typed at the gate, compared with the declared one where both are known
  | (Base & { type: "CHECK_IN"; policy: CheckInPolicy; vin?: string })
  // lanesOpen and lanesBusy: the checkpoint's lanes at the call (absent in logs of machine version 1)
  | (Base & { type: "CALL"; lane: number; deadline: number; lanesOpen?: number; lanesBusy?: number[] })
  | (Base & { type: "ARRIVE_AT_LANE" })
  | (Base & { type: "MISS_CALL" })
  | (Base & { type: "PRIORITISE"; reason: string })
  | (Base & { type: "RECORD_DOCUMENT_CHECK"; passed: boolean; note?: string })
  | (Base & { type: "SEND_TO_SCAN" })
  | (Base & { type: "RECORD_SCAN"; result: ScanResult })
  | (Base & { type: "SEND_TO_INSPECTION" })
  | (Base & { type: "RECORD_INSPECTION"; result: InspectionResult })
  | (Base & { type: "HOLD"; documents: string })
  // back from a hold; to the document check with a lane that is open and free (the lane chosen and the
  // checkpoint's lanes at that moment: absent in older logs, and for a truck held at a scan or a bay)
  | (Base & { type: "RESUME"; lane?: number; lanesOpen?: number; lanesBusy?: number[] })
  | (Base & { type: "RELEASE" })
  // laneInService: the checkpoint's unmanned green lane is switched on (absent in older logs)
  | (Base & { type: "UNMANNED_RELEASE"; plateRead: string; laneInService?: boolean })
  // the Smart Customs gate's read (issue 22): the plate and/or VIN it read, and the lane at that moment
  | (Base & { type: "GATE_READ"; plateRead?: string; vinRead?: string; lane: SmartLanePolicy })
  | (Base & { type: "REFUSE"; reasonCode: string })
  | (Base & { type: "CANCEL"; reason?: string })
  // the grace window the check-in allows after the slot; absent in logs written before it was sent
  // and, for a declaration never booked, the hours after which it lapses
  | (Base & { type: "EXPIRE"; policy?: LapsePolicy })
  // a supervisor ends a crossing that should not exist (a plate squatted by someone else)
  | (Base & { type: "VOID"; reason: string });

export type CrossingEventType = CrossingEvent["type"];
export type EventOf<T extends CrossingEventType> = Extract<CrossingEvent, { type: T }>;

export const EVENT_TYPES: readonly CrossingEventType[] = [
  "BOOK",
  "CANCEL_BOOKING",
  "CHECK_IN",
  "CALL",
  "ARRIVE_AT_LANE",
  "MISS_CALL",
  "PRIORITISE",
  "RECORD_DOCUMENT_CHECK",
  "SEND_TO_SCAN",
  "RECORD_SCAN",
  "SEND_TO_INSPECTION",
  "RECORD_INSPECTION",
  "HOLD",
  "RESUME",
  "RELEASE",
  "UNMANNED_RELEASE",
  "GATE_READ",
  "REFUSE",
  "CANCEL",
  "EXPIRE",
  "VOID",
];
