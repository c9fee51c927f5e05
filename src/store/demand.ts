/**
 * Recorded demand per checkpoint and day: every truck that wanted to cross, counted once on the
 * first day it wanted (the slot it first tried to book, refused or not; a walk-in's check-in; else
 * its declaration), and the trucks released per day (what the neighbour took). Refused booking
 * attempts are the one part the crossings do not keep, so the booking path records them here.
 */
import { zoneOffsetMs } from "../domain/slots.ts";
import { dayNumber, type IsoDate, isoOf } from "../forecast/dates.ts";
import type { DemandDay } from "../forecast/series.ts";
import type { DB } from "./db.ts";

const DAY_MS = 86_400_000;

export const localDate = (at: number, timezone: string): IsoDate =>
  isoOf(Math.floor((at + zoneOffsetMs(at, timezone)) / DAY_MS));

export function demandStore(db: DB) {
  const insertRefusal = db.prepare(
    "INSERT INTO demand_refusals (checkpoint_id, crossing_id, slot_start, reason, at) VALUES (?, ?, ?, ?, ?)",
  );
  const wanted = db.prepare(
    `SELECT c.direction AS direction, coalesce(
       min(
         coalesce((SELECT min(r.slot_start) FROM demand_refusals r WHERE r.crossing_id = c.id), 9e15),
         coalesce((SELECT min(json_extract(e.payload, '$.slot.start')) FROM crossing_events e
                   WHERE e.crossing_id = c.id AND e.type = 'BOOK'), 9e15),
         coalesce((SELECT min(e.at) FROM crossing_events e
                   WHERE e.crossing_id = c.id AND e.type = 'CHECK_IN' AND e.from_state = 'declared'), 9e15)
       ), 9e15) AS wantedAt, c.created_at AS declaredAt
     FROM crossings c WHERE c.checkpoint_id = ?`,
  );
  const released = db.prepare(
    `SELECT e.at AS at FROM crossing_events e JOIN crossings c ON c.id = e.crossing_id
     WHERE c.checkpoint_id = ? AND e.to_state = 'released'`,
  );

  /** Counts by local day from the first day seen to `until`, with no day missing. */
  function daily(dates: IsoDate[], until: IsoDate, closed: (d: IsoDate) => boolean): DemandDay[] {
    const counts = new Map<IsoDate, number>();
    for (const d of dates) counts.set(d, (counts.get(d) ?? 0) + 1);
    const last = dayNumber(until);
    const first = Math.min(...[...counts.keys()].map(dayNumber).filter((d) => d <= last));
    if (!Number.isFinite(first)) return [];
    return Array.from({ length: last - first + 1 }, (_, i) => {
      const date = isoOf(first + i);
      return { date, count: counts.get(date) ?? 0, closed: closed(date), censored: false };
    });
  }

  return {
    /** The hook in the booking path: one row per refused attempt. */
    refused(checkpointId: string, crossingId: string, slotStart: number, reason: string, at: number): void {
      if (reason === "book.full" || reason === "book.daily")
        insertRefusal.run(checkpointId, crossingId, slotStart, reason, at);
    },
    /** Unconstrained demand per local day up to `until` (the last full day), one direction or all. */
    daily(
      cp: { id: string; timezone: string },
      until: IsoDate,
      closed: (d: IsoDate) => boolean,
      direction?: string,
    ): DemandDay[] {
      const rows = wanted.all(cp.id) as { direction: string; wantedAt: number; declaredAt: number }[];
      const dates = rows
        .filter((r) => !direction || r.direction === direction)
        .map((r) => localDate(r.wantedAt < 9e15 ? r.wantedAt : r.declaredAt, cp.timezone));
      return daily(dates, until, closed);
    },
    /** Trucks released per local day: what the neighbour's side took. */
    accepted(
      cp: { id: string; timezone: string },
      until: IsoDate,
      closed: (d: IsoDate) => boolean,
    ): DemandDay[] {
      const dates = (released.all(cp.id) as { at: number }[]).map((r) => localDate(r.at, cp.timezone));
      return daily(dates, until, closed);
    },
  };
}
export type DemandStore = ReturnType<typeof demandStore>;
