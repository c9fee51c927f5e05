/**
 * The holiday and closure calendar the forecast starts from. Stored in SQLite on the first start
 * (src/store/forecast-calendar.ts); supervisors then add and withdraw days there, each change in
 * an append-only log with its reason. Nothing here is read by the forecast directly after that.
 *
 * Kazakhstan: public holidays (non-working days) under the Law "On holidays in the Republic of
 * Kazakhstan" of 13 December 2001 No. 267-II, as amended (adilet.zan.kz/rus/docs/Z010000267_);
 * Kurban Ait's date is set each year by the Government (2025: 6 June; 2026: 27 May). Transfers of
 * days off by Government decree are not included: a supervisor adds them when published.
 *
 * China: the State Council General Office's notices on the holiday arrangements for 2025 (gov.cn,
 * 12 November 2024) and 2026 (gov.cn, November 2025), official days off only (make-up working days
 * are not holidays).
 *
 * Closure: China closed its road crossings with Kazakhstan on 16-18 February 2026 for the Spring
 * Festival, announced about three weeks ahead (reported by Kazakhstan's State Revenue Committee;
 * ../shared/domain.md). Applies to the checkpoints on the Chinese border.
 */
import type { CalendarKind } from "../src/forecast/calendar.ts";

export interface SeedCalendarDay {
  date: string;
  kind: CalendarKind;
  name: string;
  /** the neighbour country the day applies to (closures); null: every checkpoint */
  neighbour: string | null;
  source: string;
}

const KZ_LAW = "Law of the RK No. 267-II on holidays (adilet.zan.kz)";
const CN_2025 = "State Council General Office notice on 2025 holidays (gov.cn, 2024-11-12)";
const CN_2026 = "State Council General Office notice on 2026 holidays (gov.cn, 2025-11)";

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000)
    out.push(new Date(d).toISOString().slice(0, 10));
  return out;
};

const kz = (name: string, ...dates: string[]): SeedCalendarDay[] =>
  dates.map((date) => ({ date, kind: "holidayKz", name, neighbour: null, source: KZ_LAW }));
const cn = (name: string, source: string, dates: string[]): SeedCalendarDay[] =>
  dates.map((date) => ({ date, kind: "holidayCn", name, neighbour: null, source }));

const kazakhYear = (y: number, kurbanAit: string): SeedCalendarDay[] => [
  ...kz("New Year", `${y}-01-01`, `${y}-01-02`),
  ...kz("Orthodox Christmas", `${y}-01-07`),
  ...kz("International Women's Day", `${y}-03-08`),
  ...kz("Nauryz", `${y}-03-21`, `${y}-03-22`, `${y}-03-23`),
  ...kz("Unity Day of the People of Kazakhstan", `${y}-05-01`),
  ...kz("Defender of the Fatherland Day", `${y}-05-07`),
  ...kz("Victory Day", `${y}-05-09`),
  ...kz("Kurban Ait", kurbanAit),
  ...kz("Capital Day", `${y}-07-06`),
  ...kz("Constitution Day", `${y}-08-30`),
  ...kz("Republic Day", `${y}-10-25`),
  ...kz("Independence Day", `${y}-12-16`),
];

export const SEED_CALENDAR: SeedCalendarDay[] = [
  ...kazakhYear(2025, "2025-06-06"),
  ...kazakhYear(2026, "2026-05-27"),
  ...cn("New Year's Day", CN_2025, ["2025-01-01"]),
  ...cn("Spring Festival", CN_2025, range("2025-01-28", "2025-02-04")),
  ...cn("Qingming", CN_2025, range("2025-04-04", "2025-04-06")),
  ...cn("Labour Day", CN_2025, range("2025-05-01", "2025-05-05")),
  ...cn("Dragon Boat Festival", CN_2025, range("2025-05-31", "2025-06-02")),
  ...cn("National Day and Mid-Autumn", CN_2025, range("2025-10-01", "2025-10-08")),
  ...cn("New Year's Day", CN_2026, range("2026-01-01", "2026-01-03")),
  ...cn("Spring Festival", CN_2026, range("2026-02-15", "2026-02-23")),
  ...cn("Qingming", CN_2026, range("2026-04-04", "2026-04-06")),
  ...cn("Labour Day", CN_2026, range("2026-05-01", "2026-05-05")),
  ...cn("Dragon Boat Festival", CN_2026, range("2026-06-19", "2026-06-21")),
  ...cn("Mid-Autumn Festival", CN_2026, range("2026-09-25", "2026-09-27")),
  ...cn("National Day", CN_2026, range("2026-10-01", "2026-10-07")),
  ...range("2026-02-16", "2026-02-18").map(
    (date): SeedCalendarDay => ({
      date,
      kind: "closure",
      name: "China's road crossings closed for the Spring Festival",
      neighbour: "CN",
      source: "announced about three weeks ahead; reported by Kazakhstan's State Revenue Committee",
    }),
  ),
];
