/** Slots of a checkpoint's day: fixed length from its configuration, aligned to local midnight. */

import type { CheckpointConfig } from "./checkpoint.ts";
import { dateFormat } from "./date-format.ts";

const DAY_MS = 86_400_000;

/**
 * Milliseconds the zone is ahead of UTC at `at` (Kazakhstan has no DST; exact enough elsewhere).
 * Kept per zone and quarter hour: zones change their offset only on a quarter hour, and asking
 * Intl cost 3% of every booking.
 */
export function zoneOffsetMs(at: number, timezone: string): number {
  const quarter = Math.floor(at / QUARTER_HOUR_MS);
  const key = `${timezone} ${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size >= MAX_OFFSETS) offsets.clear();
    offset = offsetFromIntl(quarter * QUARTER_HOUR_MS, timezone);
    offsets.set(key, offset);
  }
  return offset;
}

const QUARTER_HOUR_MS = 900_000;
const MAX_OFFSETS = 10_000;
const offsets = new Map<string, number>();

function offsetFromIntl(at: number, timezone: string): number {
  const parts = dateFormat("en-US", {
    timeZone: timezone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const local = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return local - Math.floor(at / 1000) * 1000;
}

/** Local midnight (as epoch ms) of the day `at` falls in. */
export function localDayStart(at: number, timezone: string): number {
  const offset = zoneOffsetMs(at, timezone);
  return at - ((((at + offset) % DAY_MS) + DAY_MS) % DAY_MS);
}

/** Local midnight of a YYYY-MM-DD date in the zone, or null for a malformed date. */
export function dayStartOfDate(date: string, timezone: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(utcMidnight)) return null;
  return utcMidnight - zoneOffsetMs(utcMidnight, timezone);
}

export type SlotRefusal = "past" | "horizon" | "misaligned";

/** Whether a driver may book the slot starting at `start` now: not started, within the horizon, on the grid. */
export function checkSlotStart(
  start: number,
  now: number,
  config: Pick<CheckpointConfig, "slotMinutes" | "bookingHorizonDays" | "timezone">,
): SlotRefusal | null {
  const len = config.slotMinutes * 60_000;
  if ((start - localDayStart(start, config.timezone)) % len !== 0) return "misaligned";
  if (start <= now) return "past";
  if (start > now + config.bookingHorizonDays * DAY_MS) return "horizon";
  return null;
}

/** Slot starts from `from` (rounded up to the grid) for `count` slots, within the horizon. */
export function upcomingSlotStarts(
  from: number,
  count: number,
  now: number,
  config: Pick<CheckpointConfig, "slotMinutes" | "bookingHorizonDays" | "timezone">,
): number[] {
  const len = config.slotMinutes * 60_000;
  const day = localDayStart(from, config.timezone);
  let start = day + Math.ceil((from - day) / len) * len;
  const out: number[] = [];
  while (out.length < count) {
    if (checkSlotStart(start, now, config) === "horizon") break;
    if (checkSlotStart(start, now, config) === null) out.push(start);
    start += len;
  }
  return out;
}
