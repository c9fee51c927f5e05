/**
 * What a supervisor may change during a shift, and what a change would do. Pure: the store
 * reads the bookings and writes the change; the form and the API share `settingsSchema`.
 */
import { z } from "zod";
import { PRIORITY_CLASSES, type PriorityClass } from "../../machines/types.ts";
import { type CheckpointConfig, checkpointConfigSchema } from "./checkpoint.ts";
import { hasControlCharacters } from "./text.ts";

/** The shift's settings; the rest of the configuration (zone, slot length, hours) is the administrator's. */
export const SUPERVISOR_SETTINGS = [
  "documentLanes",
  "scanners",
  "inspectionBays",
  "slotCapacity",
  "dailyLimit",
  "queueCycle",
  "graceMinutes",
  "walkInsAllowed",
  "unmannedGreenLane",
  // issue 14's policies: a truck's identity, lapsing declarations, the booking horizon, the arrival window
  "requireVin",
  "declarationLapseHours",
  "bookingHorizonDays",
  "earlyArrivalMinutes",
  // issue 22: the Smart Customs lane for driverless trucks, and its hours
  "smartCustomsLane",
  "smartLaneFromHour",
  "smartLaneToHour",
] as const;
export type SupervisorSetting = (typeof SUPERVISOR_SETTINGS)[number];

export const settingsSchema = checkpointConfigSchema
  .pick({
    documentLanes: true,
    scanners: true,
    inspectionBays: true,
    slotCapacity: true,
    dailyLimit: true,
    queueCycle: true,
    graceMinutes: true,
    walkInsAllowed: true,
    unmannedGreenLane: true,
  })
  .extend({
    // optional, so a client written before these policies existed leaves them as they are
    requireVin: checkpointConfigSchema.shape.requireVin.unwrap().optional(),
    declarationLapseHours: checkpointConfigSchema.shape.declarationLapseHours.unwrap().optional(),
    bookingHorizonDays: checkpointConfigSchema.shape.bookingHorizonDays.optional(),
    earlyArrivalMinutes: checkpointConfigSchema.shape.earlyArrivalMinutes.unwrap().optional(),
    smartCustomsLane: checkpointConfigSchema.shape.smartCustomsLane.unwrap().optional(),
    smartLaneFromHour: checkpointConfigSchema.shape.smartLaneFromHour.unwrap().optional(),
    smartLaneToHour: checkpointConfigSchema.shape.smartLaneToHour.unwrap().optional(),
  });
export type SupervisorSettings = z.infer<typeof settingsSchema>;

export const changeSchema = z.object({
  settings: settingsSchema,
  reason: z
    .string()
    .trim()
    .min(1, "say why, for the audit trail")
    .max(500)
    .refine((s) => !hasControlCharacters(s, true), "no control characters"),
  /** lowering the daily limit below the day's bookings moves trucks: the supervisor confirms it */
  confirmMoves: z.boolean().default(false),
});
export type SettingsChange = z.infer<typeof changeSchema>;

const CLASS_ALIASES: Record<string, PriorityClass> = Object.fromEntries(
  PRIORITY_CLASSES.map((c) => [c.toLowerCase(), c]),
);

/**
 * The cycle as a person types it: "perishableTransit, perishable, transit, 5x ordinary".
 * Unknown words pass through unchanged so the schema names them in its error.
 */
export function parseCycle(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[,;\n]+/)) {
    const token = raw.trim();
    if (!token) continue;
    const m = /^(\d{1,2})\s*[x×*]\s*(\S+)$/i.exec(token) ?? /^(\S+)\s*[x×*]\s*(\d{1,2})$/i.exec(token);
    const [count, word] = m ? (/^\d/.test(m[1] ?? "") ? [m[1], m[2]] : [m[2], m[1]]) : ["1", token];
    const name = CLASS_ALIASES[(word ?? "").toLowerCase()] ?? word ?? "";
    for (let i = 0; i < Math.min(Number(count), 50); i++) out.push(name);
  }
  return out;
}

/** The inverse of parseCycle: runs of one class written once with their count. */
export function formatCycle(cycle: readonly string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < cycle.length; ) {
    let j = i;
    while (cycle[j] === cycle[i]) j++;
    parts.push(j - i > 1 ? `${j - i}x ${cycle[i]}` : String(cycle[i]));
    i = j;
  }
  return parts.join(", ");
}

/** The form's fields (strings, ticked boxes) in the API's shape, for the one schema to judge. */
export function changeFromForm(form: Record<string, unknown>): unknown {
  const text = (k: string) => (typeof form[k] === "string" ? (form[k] as string).trim() : "");
  // an empty box stays empty (the schema says "expected number"), not 0
  const num = (k: string) => (text(k) === "" ? undefined : Number(text(k)));
  return {
    settings: {
      documentLanes: num("documentLanes"),
      scanners: num("scanners"),
      inspectionBays: num("inspectionBays"),
      slotCapacity: num("slotCapacity"),
      dailyLimit: num("dailyLimit"),
      queueCycle: parseCycle(text("queueCycle")),
      graceMinutes: num("graceMinutes"),
      walkInsAllowed: form.walkInsAllowed === "on",
      unmannedGreenLane: form.unmannedGreenLane === "on",
      requireVin: form.requireVin === "on",
      declarationLapseHours: num("declarationLapseHours"),
      bookingHorizonDays: num("bookingHorizonDays"),
      earlyArrivalMinutes: num("earlyArrivalMinutes"),
      smartCustomsLane: form.smartCustomsLane === "on",
      smartLaneFromHour: num("smartLaneFromHour"),
      smartLaneToHour: num("smartLaneToHour"),
    },
    reason: text("reason"),
    confirmMoves: form.confirmMoves === "on",
  };
}

export interface SettingDiff {
  setting: SupervisorSetting;
  from: unknown;
  to: unknown;
}

export function diffSettings(config: CheckpointConfig, next: SupervisorSettings): SettingDiff[] {
  return SUPERVISOR_SETTINGS.filter(
    (s) => next[s] !== undefined && JSON.stringify(config[s]) !== JSON.stringify(next[s]),
  ).map((setting) => ({ setting, from: config[setting], to: next[setting] }));
}

/** The configuration with the settings given; a setting left out keeps its value. */
export function withSettings(config: CheckpointConfig, next: SupervisorSettings): CheckpointConfig {
  const given = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined));
  return { ...config, ...given };
}

/** A booking that could be moved: booked, slot still ahead. */
export interface MovableBooking {
  id: string;
  /** local midnight of the slot's day */
  day: number;
  bookedAt: number;
}

export interface DayOverLimit {
  day: number;
  /** trucks holding a place that day, moved or not */
  held: number;
  limit: number;
  /** the bookings to move, last booked first: first come, first served keeps its place */
  move: string[];
}

/**
 * Days whose places already held exceed a new daily limit, and which bookings leave. Trucks
 * already at the checkpoint cannot be moved, so a day may stay over its limit; it takes no more.
 */
export function daysOverLimit(
  heldPerDay: ReadonlyMap<number, number>,
  movable: readonly MovableBooking[],
  limit: number,
): DayOverLimit[] {
  const out: DayOverLimit[] = [];
  for (const [day, held] of [...heldPerDay].sort((a, b) => a[0] - b[0])) {
    if (held <= limit) continue;
    const candidates = movable
      .filter((b) => b.day === day)
      .sort((a, b) => b.bookedAt - a.bookedAt || (a.id < b.id ? 1 : -1));
    out.push({ day, held, limit, move: candidates.slice(0, held - limit).map((b) => b.id) });
  }
  return out;
}
