/**
 * The planners' demand forecasts at /planner/forecasts: per checkpoint and direction, the chosen
 * method's 14 days ahead with its 80% band, the backtest of every method, and "make a scenario from
 * this forecast", which opens the scenario editor filled in (saved, like every new scenario from the
 * checkpoint, by the editor's own route). The forecast is computed on the forecasting thread and
 * kept for the day (the demand it reads ends yesterday), so the page, its charts and the scenario
 * share one computation.
 */
import { createHash } from "node:crypto";
import { type Context, Hono } from "hono";
import { ScenarioEditorPage } from "../../../views/planner/editor.tsx";
import {
  FORECAST_DIRECTIONS,
  type ForecastDirection,
  ForecastListPage,
  ForecastPage,
  methodName,
} from "../../../views/planner/forecast.tsx";
import { sessionOf } from "../../auth/guard.ts";
import { backtestChart, forecastChart, METHOD_NAMES } from "../../charts/forecast-charts.ts";
import { calendarOf } from "../../forecast/calendar.ts";
import { addDays } from "../../forecast/dates.ts";
import type { DemandForecast } from "../../forecast/forecast.ts";
import type { DemandDay } from "../../forecast/series.ts";
import { forecastPool } from "../../forecast-pool.ts";
import type { Lang, Translate } from "../../i18n/index.ts";
import { scenarioFromForecast } from "../../planner/from-forecast.ts";
import { formFromScenario } from "../../planner/scenario-form.ts";
import type { StoredCheckpoint } from "../../store/checkpoints.ts";
import { demandStore, localDate } from "../../store/demand.ts";
import { forecastCalendarStore } from "../../store/forecast-calendar.ts";
import { MIN_HISTORY_DAYS } from "../../store/recommendations.ts";
import type { AppDeps } from "../deps.ts";
import { langOf } from "../driver/lang.ts";
import { MAX_TRACE_BYTES } from "./editor.tsx";

const HORIZON = 14;
// a day's forecasts for every checkpoint and direction of a busy national server
const KEEP = 64;

type Computed =
  | { ok: true; forecast: DemandForecast; history: DemandDay[]; days: number; lastDate: string }
  | { ok: false; days: number };

export function forecastRoutes(deps: AppDeps) {
  const app = new Hono();
  const pool = deps.forecastPool ?? forecastPool({ threads: 1 });
  const demand = demandStore(deps.db);
  const calendar = forecastCalendarStore(deps.db);
  const kept = new Map<string, Promise<Computed>>();

  function calendarFor(cp: StoredCheckpoint) {
    const days = calendar.inForce(cp.neighbour).map((d) => ({ date: d.date, kind: d.kind, name: d.name }));
    return { days, cal: calendarOf(days) };
  }

  function compute(cp: StoredCheckpoint, direction: ForecastDirection): Promise<Computed> {
    const { days, cal } = calendarFor(cp);
    const yesterday = addDays(localDate(deps.now(), cp.config.timezone), -1);
    // a changed calendar (a closure added this morning) is a new forecast
    const version = createHash("sha1").update(JSON.stringify(days)).digest("hex");
    const key = `${cp.id} ${direction} ${yesterday} ${version}`;
    const known = kept.get(key);
    if (known) return known;
    const series = demand.daily(
      { id: cp.id, timezone: cp.config.timezone },
      yesterday,
      (d) => cal(d).closure,
      direction,
    );
    if (series.length < MIN_HISTORY_DAYS) return Promise.resolve({ ok: false, days: series.length });
    const computing = pool.forecast({ series, calendar: days, horizon: HORIZON }).then(
      (forecast): Computed => ({
        ok: true,
        forecast,
        history: series.slice(-28),
        days: series.length,
        lastDate: yesterday,
      }),
    );
    // a failure is not kept: the next request tries again
    computing.catch(() => kept.delete(key));
    kept.set(key, computing);
    for (const old of kept.keys()) if (kept.size > KEEP) kept.delete(old);
    return computing;
  }

  /** The forecast, or null when its thread failed (said as a 503, never a 500). */
  const settled = (cp: StoredCheckpoint, direction: ForecastDirection) =>
    compute(cp, direction).catch((error: Error) => {
      console.log(`forecast of ${cp.id} ${direction} failed: ${error.message}`);
      return null;
    });

  const params = (c: Context) => {
    const cp = deps.checkpoints.get(c.req.param("checkpointId") ?? "");
    const direction = c.req.param("direction") as ForecastDirection;
    return cp && FORECAST_DIRECTIONS.includes(direction) ? { cp, direction } : null;
  };
  const nameIn = (cp: StoredCheckpoint, lang: Lang) =>
    lang === "en" ? cp.name : (cp.names[lang] ?? cp.name);
  const tooLittle = (t: Translate, days: number) => t("fc.tooLittle", { days, min: MIN_HISTORY_DAYS });
  const svg = (c: Context, body: string) =>
    c.body(body, 200, { "Content-Type": "image/svg+xml", "Cache-Control": "private, max-age=3600" });

  app.get("/planner/forecasts", (c) => {
    const { lang, t } = langOf(c);
    const checkpoints = deps.checkpoints.list().map((cp) => ({ id: cp.id, name: nameIn(cp, lang) }));
    return c.html(<ForecastListPage lang={lang} t={t} checkpoints={checkpoints} />);
  });

  app.get("/planner/forecasts/:checkpointId/:direction", async (c) => {
    const found = params(c);
    if (!found) return c.text("No such checkpoint or direction.", 404);
    const { cp, direction } = found;
    const { lang, t } = langOf(c);
    const r = await settled(cp, direction);
    const outcome: Parameters<typeof ForecastPage>[0]["outcome"] = !r
      ? { ok: false, message: t("fc.failed") }
      : r.ok
        ? { ok: true, forecast: r.forecast, days: r.days, lastDate: r.lastDate }
        : { ok: false, message: tooLittle(t, r.days) };
    const { cal } = calendarFor(cp);
    const closed = new Set(
      outcome.ok ? outcome.forecast.forecast.map((d) => d.date).filter((d) => cal(d).closure) : [],
    );
    return c.html(
      <ForecastPage
        lang={lang}
        t={t}
        checkpoint={{ id: cp.id, name: nameIn(cp, lang) }}
        direction={direction}
        outcome={outcome}
        closedDates={closed}
      />,
      // too little demand is the planner's to know (422); a failed thread is ours (503)
      outcome.ok ? 200 : r ? 422 : 503,
    );
  });

  app.get(
    "/planner/forecasts/:checkpointId/:direction/charts/:chart{(?:forecast|backtest)\\.svg}",
    async (c) => {
      const found = params(c);
      if (!found) return c.text("No such checkpoint or direction.", 404);
      const r = await settled(found.cp, found.direction);
      if (!r) return c.text("The forecast could not be computed just now.", 503);
      if (!r.ok) return c.text("Too little recorded demand for a forecast.", 404);
      const { t } = langOf(c);
      if (c.req.param("chart") === "forecast.svg")
        return svg(
          c,
          forecastChart(r.history, r.forecast.forecast, {
            title: t("fc.chartTitle"),
            recorded: t("fc.recorded"),
            forecast: t("fc.forecast"),
            interval: t("fc.interval"),
            trucks: t("fc.trucks"),
          }),
        );
      return svg(
        c,
        backtestChart(r.forecast.methods, {
          title: t("fc.backtestChartTitle"),
          ahead: (h) => t("fc.ahead", { h }),
          // the legend keeps the names short: the table below says what each is
          method: (name) => methodName(t, name).replace(/\s*[(（][^)）]*[)）]$/, ""),
        }),
      );
    },
  );

  // the editor filled in with the forecast's arrivals; saving is the editor's route for a new
  // scenario from this checkpoint, judged by the same schema
  app.get("/planner/forecasts/:checkpointId/:direction/scenario", async (c) => {
    const found = params(c);
    if (!found) return c.text("No such checkpoint or direction.", 404);
    const { cp, direction } = found;
    const r = await settled(cp, direction);
    if (!r) return c.text("The forecast could not be computed just now.", 503);
    if (!r.ok) return c.text("Too little recorded demand for a forecast.", 404);
    const scenario = scenarioFromForecast(
      cp,
      direction,
      r.forecast.forecast,
      calendarFor(cp).cal,
      // the editor and the scenario file are in English, as every scenario is
      METHOD_NAMES[r.forecast.chosen] ?? r.forecast.chosen,
    );
    return c.html(
      <ScenarioEditorPage
        title={`New scenario from the ${direction} forecast of ${cp.name}`}
        action={`/planner/checkpoints/${cp.id}/scenario`}
        example={false}
        state={{ fields: formFromScenario(scenario), errors: new Map() }}
        json={JSON.stringify(scenario, null, 2)}
        csrf={sessionOf(c).csrf}
        maxTraceBytes={MAX_TRACE_BYTES}
      />,
    );
  });

  return app;
}
