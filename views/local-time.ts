/** Times as the people at a checkpoint read them: in its own zone, not UTC. */
import { dateFormat } from "../src/domain/date-format.ts";

/** "2026-11-25 12:04:28" in the zone: sortable, unambiguous, and the wall clock's time */
export function localDateTime(at: number, timezone: string): string {
  return dateFormat("sv-SE", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(at);
}
