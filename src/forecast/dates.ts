/** Calendar days as ISO strings ("2026-02-16"): arithmetic in UTC, so no time zone or clock enters. */
const DAY_MS = 86_400_000;

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day's number since 1970-01-01, or NaN when the text is not a real calendar date. */
export function dayNumber(date: IsoDate): number {
  const m = ISO.exec(date);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 2026-02-30 over to March: a date that does not round-trip is not a date
  return isoOf(t / DAY_MS) === date ? t / DAY_MS : Number.NaN;
}

export function isoOf(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export const addDays = (date: IsoDate, days: number): IsoDate => isoOf(dayNumber(date) + days);

/** 0 = Monday ... 6 = Sunday (ISO 8601), the order a supervisor reads a week in. */
export const weekdayOf = (day: number): number => (((day + 3) % 7) + 7) % 7;

export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** Day of the year as a fraction of the year, for the annual wave. */
export const yearPhase = (day: number): number => {
  const d = new Date(day * DAY_MS);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1) / DAY_MS;
  return (day - start) / 365.25;
};
