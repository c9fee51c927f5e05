/** Examples of the officers' routes, as Nur Zholy's supervisor signed in. */
import type { ExampleBook } from "../examples.ts";
import { EXAMPLE_IDS } from "./ids.ts";
import { nurZholy } from "./public.ts";

const { documentLanes, scanners, inspectionBays, slotCapacity, dailyLimit, queueCycle } = nurZholy.config;
const { graceMinutes, walkInsAllowed, unmannedGreenLane } = nurZholy.config;
// issue 14's policies
const { requireVin, declarationLapseHours, bookingHorizonDays, earlyArrivalMinutes } = nurZholy.config;
// issue 22's Smart Customs lane
const { smartCustomsLane, smartLaneFromHour, smartLaneToHour } = nurZholy.config;
const settings = {
  documentLanes,
  scanners,
  inspectionBays,
  slotCapacity,
  dailyLimit,
  queueCycle,
  graceMinutes,
  walkInsAllowed,
  unmannedGreenLane,
  requireVin,
  declarationLapseHours,
  bookingHorizonDays,
  earlyArrivalMinutes,
  smartCustomsLane,
  smartLaneFromHour,
  smartLaneToHour,
};

export const OFFICER_EXAMPLES: ExampleBook = {
  callNextTruck: {
    next: {
      summary: "The queue discipline picks the next truck and a free lane",
      params: { checkpointId: "nur-zholy" },
      response: {
        status: 200,
        body: {
          crossingId: "Rk7pW3nZq9TxL2mVc5HbY",
          code: "W2K9TQ4M",
          plate: "415WAI02",
          state: "called",
          lane: 2,
        },
      },
    },
  },
  recordCrossingAction: {
    arrive: {
      summary: "The called truck has reached its lane: the document check begins",
      params: { checkpointId: "nur-zholy", crossingId: EXAMPLE_IDS.calledCrossing },
      body: { action: "arrive" },
      response: {
        status: 200,
        body: {
          crossingId: EXAMPLE_IDS.calledCrossing,
          code: "K5MZ8R3W",
          plate: "414LAN02",
          state: "documentCheck",
          lane: 1,
        },
      },
    },
  },
  getShiftSettings: {
    inForce: {
      summary: "Nur Zholy's shift settings",
      params: { checkpointId: "nur-zholy" },
      response: { status: 200, body: settings },
    },
  },
  changeShiftSettings: {
    oneMoreLane: {
      summary: "An eleventh lane opens for the morning peak",
      params: { checkpointId: "nur-zholy" },
      body: { settings: { ...settings, documentLanes: 11 }, reason: "Morning peak: lane 11 staffed" },
      response: { status: 200, body: { changed: ["documentLanes"], movedBookings: 0 } },
    },
  },
};
