/**
 * Recommendations: prepared on a supervisor's request from the checkpoint's recorded demand, the
 * releases (what the neighbour took), the calendar and the configuration; computed on a worker
 * thread (src/forecast-pool.ts) while the request is marked computing; stored as shown, so
 * "recommendation N" in the settings log names exactly what was accepted. Nothing is applied here.
 */
import type { CheckpointConfig } from "../domain/checkpoint.ts";
import { calendarOf } from "../forecast/calendar.ts";
import { addDays } from "../forecast/dates.ts";
import type { DemandForecast } from "../forecast/forecast.ts";
import type { Recommendation } from "../forecast/recommend.ts";
import type { RecommendationJob, RecommendationResult } from "../forecast/recommendation-job.ts";
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

/** What the card shows beside the computed result, read when the request is made. */
export type RecommendationContext = Omit<RecommendationBody, "forecast" | "recommendation">;
export type Prepared =
  | { ok: true; job: RecommendationJob; context: RecommendationContext }
  | { ok: false; reason: string };

export interface RecommendationRequest {
  id: number;
  status: "computing" | "done" | "failed";
  recommendationId: number | null;
  error: string | null;
  requestedAt: number;
}

export const bodyOf = (context: RecommendationContext, result: RecommendationResult): RecommendationBody => ({
  ...context,
  forecast: result.forecast,
  recommendation: result.recommendation,
});

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
  // OR IGNORE with the partial unique index: a second click while one computes starts nothing
  const insertRequest = db.prepare(
    "INSERT OR IGNORE INTO recommendation_requests (checkpoint_id, actor_id, status, requested_at) VALUES (?, ?, 'computing', ?)",
  );
  const finishRequest = db.prepare(
    "UPDATE recommendation_requests SET status = ?, recommendation_id = ?, error = ?, finished_at = ? WHERE id = ? AND status = 'computing'",
  );
  const lastRequest = db.prepare(
    "SELECT * FROM recommendation_requests WHERE checkpoint_id = ? ORDER BY id DESC LIMIT 1",
  );
  const interrupt = db.prepare(
    "UPDATE recommendation_requests SET status = 'failed', error = 'the server stopped before it finished', finished_at = ? WHERE status = 'computing'",
  );
  const demand = demandStore(db);
  const calendar = forecastCalendarStore(db);
  const revive = (r: unknown): StoredRecommendation | null => {
    if (!r) return null;
    const row = r as { id: number; at: number; body: string };
    return { ...(JSON.parse(row.body) as RecommendationBody), id: row.id, at: row.at };
  };

  return {
    /** The inputs of a computation, read now; refused with a reason when there is too little demand. */
    prepare(cp: StoredCheckpoint, now: number): Prepared {
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
      return {
        ok: true,
        job: {
          series,
          accepted,
          calendar: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
          config: cp.config,
          scenario: scenarioFromCheckpoint(cp),
          backlog: Number(backlog.get(cp.id)),
          drainDays: DRAIN_DAYS,
          targetWaitMinutes: TARGET_WAIT_MINUTES,
          horizon: 14,
        },
        context: {
          checkpointId: cp.id,
          history: series.slice(-28),
          historyDays: series.length,
          acceptanceFromConfig,
          current: {
            dailyLimit: cp.config.dailyLimit,
            slotCapacity: cp.config.slotCapacity,
            documentLanes: cp.config.documentLanes,
          },
        },
      };
    },
    /** Marks a computation started; null when one is already computing for the checkpoint. */
    request(checkpointId: string, actorId: string, at: number): number | null {
      const r = insertRequest.run(checkpointId, actorId, at);
      return r.changes === 0 ? null : Number(r.lastInsertRowid);
    },
    /** Stores the result and marks its request done, in one transaction. */
    complete: db.transaction((requestId: number, body: RecommendationBody, actorId: string, at: number) => {
      const id = Number(insert.run(body.checkpointId, JSON.stringify(body), actorId, at).lastInsertRowid);
      finishRequest.run("done", id, null, at, requestId);
      return id;
    }),
    fail(requestId: number, error: string, at: number): void {
      finishRequest.run("failed", null, error.slice(0, 2000), at, requestId);
    },
    /** The checkpoint's latest request, whatever its status. */
    latestRequest(checkpointId: string): RecommendationRequest | null {
      const r = lastRequest.get(checkpointId) as Record<string, number | string | null> | undefined;
      if (!r) return null;
      return {
        id: Number(r.id),
        status: r.status as RecommendationRequest["status"],
        recommendationId: r.recommendation_id === null ? null : Number(r.recommendation_id),
        error: r.error === null ? null : String(r.error),
        requestedAt: Number(r.requested_at),
      };
    },
    /** At start: a computation the last process did not finish will not finish now. */
    markInterrupted(at: number): number {
      return interrupt.run(at).changes;
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
