import type { IsoDate } from "./dates.ts";

/** One forecast day: the expected demand and its 80% prediction interval. */
export interface DayForecast {
  date: IsoDate;
  mean: number;
  lo80: number;
  hi80: number;
}
