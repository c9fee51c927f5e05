/**
 * Recommendations: computed on a supervisor's request from the checkpoint's recorded demand, the
 * releases (what the neighbour took), the calendar and the configuration, and stored as shown, so
 * "recommendation N" in the settings log names exactly what was accepted. Nothing is applied here.
 */
import type { CheckpointConfig } from "../domain/checkpoint.ts";
import { calendarOf } from "../forecast/calendar.ts";
import { addDays } from "../forecast/dates.ts";
import { type DemandForecast, forecastDemand } from "../forecast/forecast.ts";
import type { MstlEngine } from "../forecast/mstl-ets.ts";
import { type Recommendation, recommend } from "../forecast/recommend.ts";
import type { DemandDay } from "../forecast/series.ts";
import { scenarioFromCheckpoint } from "../planner/from-checkpoint.ts";
import type { StoredCheckpoint } from "./checkpoints.ts";
import type { DB } from "./db.ts";
import { demandStore, localDate } from "./demand.ts";
import { forecastCalendarStore } from "./forecast-calendar.ts";

/** Fewer days than this and a forecast would be a guess; the card says so instead. */
export const MIN_HISTORY_DAYS = 28;
export const TARGET_WAIT_MINUTES = 60;
export const DRAIN_DAYS = 14;

export interface RecommendationBody {
  checkpointId: string;
  /** the last 28 days of recorded demand, for the chart */
  history: DemandDay[];
  /** days of recorded demand the forecast was fitted on */
  historyDays: number;
  forecast: DemandForecast;
  recommendation: Recommendation;
  /** no record of releases: the configured daily limit stood in for the neighbour's acceptance */
  acceptanceFromConfig: boolean;
  current: Pick<CheckpointConfig, "dailyLimit" | "slotCapacity" | "documentLanes">;
}

export interface StoredRecommendation extends RecommendationBody {
  id: number;
  at: number;
}

export type Computed = { ok: true; body: RecommendationBody } | { ok: false; reason: string };

// admitted and not yet across: the standing backlog the limit has to drain
const BACKLOG_STATES = "('waitingArea', 'called', 'documentCheck', 'scan', 'physicalInspection', 'onHold')";

export function recommendationStore(db: DB) {
  const insert = db.prepare(
    "INSERT INTO recommendations (checkpoint_id, body, actor_id, at) VALUES (?, ?, ?, ?)",
  );
  const byId = db.prepare("SELECT * FROM recommendations WHERE id = ? AND checkpoint_id = ?");
  const latest = db.prepare("SELECT * FROM recommendations WHERE checkpoint_id = ? ORDER BY id DESC LIMIT 1");
  const backlog = db
    .prepare(`SELECT count(*) FROM crossings WHERE checkpoint_id = ? AND state IN ${BACKLOG_STATES}`)
    .pluck();
  const demand = demandStore(db);
  const calendar = forecastCalendarStore(db);
  const revive = (r: unknown): StoredRecommendation | null => {
    if (!r) return null;
    const row = r as { id: number; at: number; body: string };
    return { ...(JSON.parse(row.body) as RecommendationBody), id: row.id, at: row.at };
  };

  return {
    compute(cp: StoredCheckpoint, now: number, engine: MstlEngine | null): Computed {
      const tz = cp.config.timezone;
      calendar.seedIfEmpty(now);
      const days = calendar.inForce(cp.neighbour);
      const cal = calendarOf(days);
      const closed = (d: string) => cal(d).closure;
      const yesterday = addDays(localDate(now, tz), -1);
      const series = demand.daily({ id: cp.id, timezone: tz }, yesterday, closed);
      if (series.length < MIN_HISTORY_DAYS)
        return {
          ok: false,
          reason: `${series.length} day(s) of recorded demand; a forecast needs at least ${MIN_HISTORY_DAYS}`,
        };
      const forecast = forecastDemand(series, cal, { horizon: 14, backtest: true, engine });
      const released = demand.accepted({ id: cp.id, timezone: tz }, yesterday, closed).slice(-14);
      const acceptanceFromConfig = released.filter((d) => !d.closed && d.count > 0).length < 7;
      const accepted = acceptanceFromConfig
        ? Array.from({ length: 14 }, (_, i) => ({
            date: addDays(yesterday, i - 13),
            count: cp.config.dailyLimit,
            closed: false,
            censored: false,
          }))
        : released;
      const recommendation = recommend({
        forecast: forecast.forecast,
        accepted,
        calendar: cal,
        config: cp.config,
        scenario: scenarioFromCheckpoint(cp),
        backlog: Number(backlog.get(cp.id)),
        drainDays: DRAIN_DAYS,
        targetWaitMinutes: TARGET_WAIT_MINUTES,
      });
      return {
        ok: true,
        body: {
          checkpointId: cp.id,
          history: series.slice(-28),
          historyDays: series.length,
          forecast,
          recommendation,
          acceptanceFromConfig,
          current: {
            dailyLimit: cp.config.dailyLimit,
            slotCapacity: cp.config.slotCapacity,
            documentLanes: cp.config.documentLanes,
          },
        },
      };
    },
    save(body: RecommendationBody, actorId: string, at: number): number {
      return Number(insert.run(body.checkpointId, JSON.stringify(body), actorId, at).lastInsertRowid);
    },
    get(checkpointId: string, id: number): StoredRecommendation | null {
      return revive(byId.get(id, checkpointId));
    },
    latest(checkpointId: string): StoredRecommendation | null {
      return revive(latest.get(checkpointId));
    },
  };
}
export type RecommendationStore = ReturnType<typeof recommendationStore>;
