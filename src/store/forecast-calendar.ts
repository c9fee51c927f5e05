/**
 * The holiday and closure calendar, editable by supervisors: a log of additions and withdrawals
 * (append-only, each with who and why), seeded once from seed/forecast-calendar.ts.
 */
import { SEED_CALENDAR } from "../../seed/forecast-calendar.ts";
import type { CalendarDay, CalendarKind } from "../forecast/calendar.ts";
import { addDays } from "../forecast/dates.ts";
import type { DB } from "./db.ts";

export interface CalendarEntry extends CalendarDay {
  neighbour: string | null;
  source: string;
}

export interface CalendarChange extends CalendarEntry {
  action: "add" | "withdraw";
  reason: string;
}

export function forecastCalendarStore(db: DB) {
  const insert = db.prepare(
    `INSERT INTO forecast_calendar (action, date, kind, name, neighbour, source, reason, actor_id, at)
     VALUES (@action, @date, @kind, @name, @neighbour, @source, @reason, @actorId, @at)`,
  );
  const all = db.prepare("SELECT * FROM forecast_calendar ORDER BY seq");
  const count = db.prepare("SELECT count(*) FROM forecast_calendar").pluck();
  const key = (e: { date: string; kind: string; neighbour: string | null }) =>
    `${e.date}|${e.kind}|${e.neighbour ?? ""}`;

  const record = db.transaction((changes: CalendarChange[], actorId: string, at: number) => {
    for (const c of changes) insert.run({ ...c, actorId, at });
  });

  return {
    /** Seeds the published holidays and closures on a calendar never written to. */
    seedIfEmpty(at: number): void {
      if (Number(count.get()) > 0) return;
      record(
        SEED_CALENDAR.map((d) => ({
          ...d,
          action: "add" as const,
          reason: "seed calendar (published dates)",
        })),
        "seed",
        at,
      );
    },
    change(change: CalendarChange, actorId: string, at: number): void {
      record([change], actorId, at);
    },
    /** The days in force for a checkpoint on the border with `neighbour`: added and not withdrawn. */
    inForce(neighbour: string): CalendarEntry[] {
      const live = new Map<string, CalendarEntry>();
      for (const r of all.all() as Record<string, string | null>[]) {
        const entry: CalendarEntry = {
          date: String(r.date),
          kind: r.kind as CalendarKind,
          name: String(r.name),
          neighbour: r.neighbour ?? null,
          source: String(r.source),
        };
        if (r.action === "add") live.set(key(entry), entry);
        else live.delete(key(entry));
      }
      return [...live.values()].filter((e) => e.neighbour === null || e.neighbour === neighbour);
    },
    /** The days in force from `from` for `days` days, in date order. */
    upcoming(neighbour: string, from: string, days: number): CalendarEntry[] {
      const until = addDays(from, days);
      return this.inForce(neighbour)
        .filter((e) => e.date >= from && e.date < until)
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind < b.kind ? -1 : 1));
    },
  };
}
export type ForecastCalendarStore = ReturnType<typeof forecastCalendarStore>;
