/** Holidays and announced closures, as the forecast sees them: which kind of day a date is. */
import type { IsoDate } from "./dates.ts";

export const CALENDAR_KINDS = ["holidayKz", "holidayCn", "closure"] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

export interface CalendarDay {
  date: IsoDate;
  kind: CalendarKind;
  name: string;
}

export interface DayFlags {
  holidayKz: boolean;
  holidayCn: boolean;
  closure: boolean;
}

export type Calendar = (date: IsoDate) => DayFlags;

export function calendarOf(days: readonly CalendarDay[]): Calendar {
  const byDate = new Map<IsoDate, DayFlags>();
  for (const d of days) {
    const f = byDate.get(d.date) ?? { holidayKz: false, holidayCn: false, closure: false };
    f[d.kind] = true;
    byDate.set(d.date, f);
  }
  const none: DayFlags = { holidayKz: false, holidayCn: false, closure: false };
  return (date) => byDate.get(date) ?? none;
}
