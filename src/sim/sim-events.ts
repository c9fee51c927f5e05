/** What the simulator's event list holds, and the machine events each truck's steps are made of. */
import type { CheckInPolicy, CrossingEvent, InspectionResult, ScanResult } from "../../machines/types.ts";
import { SIM_SMART_LANE } from "./agv-lane.ts";

/** Kinds of entries in the event list (small integers: the heap stores them in a typed array). */
export const ARRIVAL = 0;
export const DOC_END = 1;
export const SCAN_END = 2;
export const INSPECTION_END = 3;
export const UNMANNED_END = 4;
export const HOUR = 5;
export const SLOT = 6;
export const BOOKED_ARRIVAL = 7;
/** the neighbour's side can take the next truck: the gate lets one in */
export const GATE_WAKE = 8;
export const TRACE_ARRIVAL = 9;
/** a called truck's deadline passed without it at the lane */
export const MISS_END = 10;
/** the e-queue's daily limit lets the next truck come to the border */
export const EQUEUE_WAKE = 11;
/** the documents a held truck waited for have come */
export const HOLD_END = 12;
/** the warm-up is over: the trucks there now are the measured period's start */
export const WARMUP_END = 13;
/** a gate of the Smart Customs AGV lane has read its driverless truck (issue 22) */
export const AGV_END = 14;

const SIM = { kind: "system", id: "sim" } as const;

/**
 * One scratch event per type, re-stamped each step: the machine reads only the fields set here.
 * `graceMinutes`: how late after its slot a booked truck may check in (the scenario's graceHours).
 */
export const scratchEvents = (graceMinutes: number) =>
  ({
    BOOK: { type: "BOOK", at: 0, actor: SIM, slot: { start: 0, end: 0 } },
    CHECK_IN: {
      type: "CHECK_IN",
      at: 0,
      actor: SIM,
      policy: { walkInsAllowed: true, graceMinutes } satisfies CheckInPolicy,
    },
    CALL: { type: "CALL", at: 0, actor: SIM, lane: 1, deadline: 0 },
    ARRIVE_AT_LANE: { type: "ARRIVE_AT_LANE", at: 0, actor: SIM },
    MISS_CALL: { type: "MISS_CALL", at: 0, actor: SIM },
    RECORD_DOCUMENT_CHECK: { type: "RECORD_DOCUMENT_CHECK", at: 0, actor: SIM, passed: true },
    SEND_TO_SCAN: { type: "SEND_TO_SCAN", at: 0, actor: SIM },
    RECORD_SCAN: { type: "RECORD_SCAN", at: 0, actor: SIM, result: "clear" as ScanResult },
    SEND_TO_INSPECTION: { type: "SEND_TO_INSPECTION", at: 0, actor: SIM },
    RECORD_INSPECTION: { type: "RECORD_INSPECTION", at: 0, actor: SIM, result: "passed" as InspectionResult },
    HOLD: { type: "HOLD", at: 0, actor: SIM, documents: "requested documents" },
    RESUME: { type: "RESUME", at: 0, actor: SIM },
    RELEASE: { type: "RELEASE", at: 0, actor: SIM },
    REFUSE: { type: "REFUSE", at: 0, actor: SIM, reasonCode: "sim" },
    UNMANNED_RELEASE: { type: "UNMANNED_RELEASE", at: 0, actor: SIM, plateRead: "" },
    GATE_READ: { type: "GATE_READ", at: 0, actor: SIM, plateRead: "", lane: SIM_SMART_LANE },
  }) satisfies Record<string, CrossingEvent>;
