/**
 * A day series of demand: one row a day, in order, no gaps. `closed` days (an announced closure)
 * carry no demand a forecast should learn from; `censored` days are those on which the daily
 * limit bound, so the count is a lower bound of the demand, not the demand.
 */
import { dayNumber, type IsoDate, isoOf } from "./dates.ts";

export interface DemandDay {
  date: IsoDate;
  count: number;
  closed: boolean;
  censored: boolean;
}

export type SeriesParse = { ok: true; series: DemandDay[] } | { ok: false; line: number; message: string };

const HEADER = /^date\s*,\s*count(\s*,\s*(closed|censored))*\s*$/i;

/**
 * Reads `date,count[,closed][,censored]` (a header line is optional). A bad row is named by its
 * line number: a text count, a negative count, a date that is not a date, a missing or repeated day.
 */
export function parseSeriesCsv(text: string): SeriesParse {
  const lines = text.split(/\r?\n/);
  const out: DemandDay[] = [];
  let columns = ["date", "count", "closed", "censored"];
  let previous = Number.NaN;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    const at = i + 1;
    if (line === "" || line.startsWith("#")) continue;
    if (out.length === 0 && Number.isNaN(previous) && HEADER.test(line)) {
      columns = line.split(",").map((c) => c.trim().toLowerCase());
      continue;
    }
    const cells = line.split(",").map((c) => c.trim());
    if (cells.length < 2 || cells.length > columns.length)
      return {
        ok: false,
        line: at,
        message: `expected ${columns.join(",")}, found ${cells.length} column(s)`,
      };
    const cell = (name: string) => {
      const k = columns.indexOf(name);
      return k < 0 ? undefined : cells[k];
    };
    const date = cell("date") ?? "";
    const day = dayNumber(date);
    if (Number.isNaN(day))
      return { ok: false, line: at, message: `"${date}" is not an ISO date (YYYY-MM-DD)` };
    const countText = cell("count") ?? "";
    if (!/^-?\d+(\.\d+)?$/.test(countText))
      return { ok: false, line: at, message: `count "${countText}" is not a number` };
    const count = Number(countText);
    if (count < 0) return { ok: false, line: at, message: `count ${count} is negative` };
    if (!Number.isInteger(count))
      return { ok: false, line: at, message: `count ${count} is not a whole number` };
    const flag = (name: string): boolean | string => {
      const v = cell(name);
      if (v === undefined || v === "" || v === "0") return false;
      if (v === "1") return true;
      return `${name} "${v}" must be 0 or 1`;
    };
    const closed = flag("closed");
    const censored = flag("censored");
    if (typeof closed === "string") return { ok: false, line: at, message: closed };
    if (typeof censored === "string") return { ok: false, line: at, message: censored };
    if (!Number.isNaN(previous)) {
      if (day <= previous)
        return { ok: false, line: at, message: `${date} is not after the previous row's ${isoOf(previous)}` };
      if (day > previous + 1)
        return {
          ok: false,
          line: at,
          message: `days missing between ${isoOf(previous)} and ${date}: one row a day (0 with closed=1 for a closure)`,
        };
    }
    previous = day;
    out.push({ date, count, closed, censored });
  }
  if (out.length === 0) return { ok: false, line: lines.length, message: "no rows" };
  return { ok: true, series: out };
}
