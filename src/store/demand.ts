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

// a zone's offset looked up once per hour of time, not once per truck (Intl is slow)
const offsets = new Map<string, number>();
const isoDays = new Map<number, IsoDate>();
export function localDate(at: number, timezone: string): IsoDate {
  const key = `${timezone}|${Math.floor(at / 3_600_000)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = zoneOffsetMs(at, timezone);
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  const day = Math.floor((at + offset) / DAY_MS);
  let iso = isoDays.get(day);
  if (iso === undefined) {
    iso = isoOf(day);
    isoDays.set(day, iso);
  }
  return iso;
}

export function demandStore(db: DB) {
  const insertRefusal = db.prepare(
    "INSERT INTO demand_refusals (checkpoint_id, crossing_id, slot_start, reason, at) VALUES (?, ?, ?, ?, ?)",
  );
  // one pass each over the checkpoint's crossings, refusals and events, merged below: correlated
  // subqueries per crossing took seconds at Nur Zholy's volume
  const crossingsOf = db.prepare(
    "SELECT id, direction, created_at AS declaredAt FROM crossings WHERE checkpoint_id = ?",
  );
  const refusalsOf = db.prepare(
    "SELECT crossing_id AS id, min(slot_start) AS at FROM demand_refusals WHERE checkpoint_id = ? GROUP BY crossing_id",
  );
  const wantedOf = db.prepare(
    `SELECT e.crossing_id AS id,
       min(CASE WHEN e.type = 'BOOK' THEN json_extract(e.payload, '$.slot.start') ELSE e.at END) AS at
     FROM crossing_events e JOIN crossings c ON c.id = e.crossing_id
     WHERE c.checkpoint_id = ? AND (e.type = 'BOOK' OR (e.type = 'CHECK_IN' AND e.from_state = 'declared'))
     GROUP BY e.crossing_id`,
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
      const first = new Map<string, number>();
      for (const stmt of [refusalsOf, wantedOf])
        for (const r of stmt.all(cp.id) as { id: string; at: number }[])
          first.set(r.id, Math.min(first.get(r.id) ?? Number.POSITIVE_INFINITY, r.at));
      const dates: IsoDate[] = [];
      for (const r of crossingsOf.all(cp.id) as { id: string; direction: string; declaredAt: number }[])
        if (!direction || r.direction === direction)
          dates.push(localDate(first.get(r.id) ?? r.declaredAt, cp.timezone));
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
