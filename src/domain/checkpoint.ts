/** A checkpoint's configuration: the one schema for the seed, the supervisor's form and the API. */
import { z } from "zod";
import type { CheckInPolicy, LapsePolicy, SmartLanePolicy } from "../../machines/types.ts";
import { PRIORITY_CLASSES } from "../../machines/types.ts";

export const queueCycleSchema = z
  .array(z.enum(PRIORITY_CLASSES))
  .min(1, "the cycle needs at least one class")
  .max(50, "a cycle of more than 50 places is not a cycle a person can check")
  // Classes the cycle leaves out queue as ordinary, so ordinary must have a place.
  .refine((cycle) => cycle.includes("ordinary"), "the cycle must give ordinary trucks at least one place");

export const checkpointConfigSchema = z.object({
  /** IANA zone for every time a driver or officer reads */
  timezone: z.string().min(1),
  documentLanes: z.number().int().min(1).max(60),
  scanners: z.number().int().min(0).max(20),
  inspectionBays: z.number().int().min(0).max(60),
  slotMinutes: z
    .number()
    .int()
    .min(10)
    .max(240)
    .refine((m) => 1440 % m === 0, "slots must divide the day evenly"),
  slotCapacity: z.number().int().min(1).max(1000),
  /** trucks a day the neighbouring country's checkpoint accepts */
  dailyLimit: z.number().int().min(1).max(20000),
  queueCycle: queueCycleSchema,
  graceMinutes: z.number().int().min(0).max(720),
  walkInsAllowed: z.boolean(),
  unmannedGreenLane: z.boolean(),
  callDeadlineMinutes: z.number().int().min(5).max(240),
  bookingHorizonDays: z.number().int().min(1).max(60),
  /** eCherha: one postponement per truck per 60 days */
  postponementsPer60Days: z.number().int().min(0).max(20),
  cancellationsPer60Days: z.number().int().min(0).max(20),
  /** opening hours in local time; 0-24 is round the clock */
  openFromHour: z.number().int().min(0).max(23),
  openToHour: z.number().int().min(1).max(24),
  /** a one-time code to the driver's phone before a booking is confirmed: bots have few phones */
  verifyPhone: z.boolean().default(true),
  /** bookings one confirmed phone number may hold at once, over every checkpoint (with verifyPhone) */
  activeBookingsPerPhone: z.number().int().min(1).max(100).default(3),
  // issue 14's policies; the defaults keep configurations stored before them valid
  /** whether a pre-declaration must give the vehicle's VIN (Kazakhstan checks it since April 2025) */
  requireVin: z.boolean().default(false),
  /** hours after which a declaration nobody booked lapses, giving the plate back */
  declarationLapseHours: z.number().int().min(1).max(720).default(24),
  /** how long before its slot a booked truck may check in */
  earlyArrivalMinutes: z.number().int().min(0).max(1440).default(60),
  // issue 22: the Smart Customs lane, where a gate releases driverless green trucks with no person
  /** whether the Smart Customs lane is open at all */
  smartCustomsLane: z.boolean().default(false),
  /** its hours in local time; 0-24 is round the clock, 22-6 passes midnight */
  smartLaneFromHour: z.number().int().min(0).max(23).default(0),
  smartLaneToHour: z.number().int().min(1).max(24).default(24),
});
export type CheckpointConfig = z.infer<typeof checkpointConfigSchema>;

export const checkpointSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,40}$/),
  name: z.string(),
  names: z.object({ ru: z.string(), kk: z.string(), zh: z.string() }),
  /** ISO 3166 alpha-2 of the neighbouring country */
  neighbour: z.string().length(2),
  neighbourCheckpoint: z.string(),
  config: checkpointConfigSchema,
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** eCherha (Ukraine, Order No. 1028 of 20 June 2025): 1 perishable+transit : 1 perishable : 1 transit : 5 ordinary */
export const ECHERHA_CYCLE: CheckpointConfig["queueCycle"] = [
  "perishableTransit",
  "perishable",
  "transit",
  "ordinary",
  "ordinary",
  "ordinary",
  "ordinary",
  "ordinary",
];
export const FIFO_CYCLE: CheckpointConfig["queueCycle"] = ["ordinary"];

/** What a check-in at this checkpoint is held to, as the machine's CHECK_IN event carries it. */
export const checkInPolicy = (config: CheckpointConfig): CheckInPolicy => ({
  walkInsAllowed: config.walkInsAllowed,
  graceMinutes: config.graceMinutes,
  earlyArrivalMinutes: config.earlyArrivalMinutes,
  timezone: config.timezone,
});

/** When a booking or an unbooked declaration lapses here, as the machine's EXPIRE event carries it. */
export const lapsePolicy = (config: CheckpointConfig): LapsePolicy => ({
  graceMinutes: config.graceMinutes,
  declarationLapseHours: config.declarationLapseHours,
});

/** The Smart Customs lane as the machine's GATE_READ event carries it. */
export const smartLanePolicy = (config: CheckpointConfig): SmartLanePolicy => ({
  open: config.smartCustomsLane,
  fromHour: config.smartLaneFromHour,
  toHour: config.smartLaneToHour,
  timezone: config.timezone,
});
