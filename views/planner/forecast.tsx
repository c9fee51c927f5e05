/**
 * The planners' demand forecasts (issue 18): the list of checkpoints and directions, and one
 * forecast with its chart and 80% band, the backtest as a chart and a table, and "make a scenario
 * from this forecast". In the planner's language (?lang, as the drivers' pages), the charts too.
 */
import type { MethodScore } from "../../src/forecast/backtest.ts";
import type { DemandForecast } from "../../src/forecast/forecast.ts";
import type { Lang, Translate } from "../../src/i18n/index.ts";
import { LangLinks } from "../lang-links.tsx";
import { Layout } from "../layout.tsx";

export const FORECAST_DIRECTIONS = ["export", "import"] as const;
export type ForecastDirection = (typeof FORECAST_DIRECTIONS)[number];

interface Common {
  lang: Lang;
  t: Translate;
}

/** A method's name in the reader's language ("MSTL + ETS" is the same in every one). */
export const methodName = (t: Translate, name: string) =>
  name === "mstlEts" ? "MSTL + ETS" : t(`fc.m.${name}`);

export function ForecastListPage(p: Common & { checkpoints: { id: string; name: string }[] }) {
  const { t } = p;
  return (
    <Layout title={t("fc.nav")} lang={p.lang} nav={<LangLinks lang={p.lang} path="/planner/forecasts" />}>
      <h1>{t("fc.nav")}</h1>
      <p class="muted">{t("fc.listIntro")}</p>
      <table id="forecasts">
        <thead>
          <tr>
            <th>{t("fc.checkpoint")}</th>
            <th>{t("fc.direction")}</th>
          </tr>
        </thead>
        <tbody>
          {p.checkpoints.map((cp) => (
            <tr>
              <td>{cp.name}</td>
              <td>
                {FORECAST_DIRECTIONS.map((d, i) => (
                  <>
                    {i > 0 ? " · " : ""}
                    <a href={`/planner/forecasts/${cp.id}/${d}?lang=${p.lang}`}>{t(`fc.dir.${d}`)}</a>
                  </>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

const pct = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : "—");
const num = (v: number) => (Number.isFinite(v) ? String(v) : "—");

function BacktestTable(p: Common & { forecast: DemandForecast }) {
  const { t, forecast: f } = p;
  const rows = (m: MethodScore) =>
    (["all", 1, 7, 14] as const).map((h) => {
      const s = h === "all" ? m : m.byHorizon[h];
      return (
        <tr class={m.name === f.chosen ? "chosen" : undefined}>
          {h === "all" ? (
            <th scope="row" rowspan={4}>
              {methodName(t, m.name)} {m.name === f.chosen ? t("fc.chosenMark") : ""}
            </th>
          ) : null}
          <td>{h === "all" ? t("fc.allHorizons") : h}</td>
          <td>{num(s.mase)}</td>
          <td>{Number.isFinite(s.mape) ? `${s.mape}%` : "—"}</td>
          <td>{pct(s.coverage80)}</td>
        </tr>
      );
    });
  return (
    <table id="backtest">
      <thead>
        <tr>
          <th>{t("fc.method")}</th>
          <th>{t("fc.horizon")}</th>
          <th>MASE</th>
          <th>MAPE</th>
          <th>{t("fc.coverage")}</th>
        </tr>
      </thead>
      <tbody>{f.methods.flatMap(rows)}</tbody>
    </table>
  );
}

export interface ForecastPageProps extends Common {
  checkpoint: { id: string; name: string };
  direction: ForecastDirection;
  /** the forecast, or why there is none */
  outcome:
    | { ok: true; forecast: DemandForecast; days: number; lastDate: string }
    | { ok: false; message: string };
  closedDates: ReadonlySet<string>;
}

export function ForecastPage(p: ForecastPageProps) {
  const { t } = p;
  const path = `/planner/forecasts/${p.checkpoint.id}/${p.direction}`;
  const title = t("fc.title", { checkpoint: p.checkpoint.name, direction: t(`fc.dir.${p.direction}`) });
  const o = p.outcome;
  return (
    <Layout title={title} lang={p.lang} nav={<LangLinks lang={p.lang} path={path} />}>
      <p>
        <a href={`/planner/forecasts?lang=${p.lang}`}>{t("fc.back")}</a>
      </p>
      <h1>{title}</h1>
      {!o.ok ? (
        <p class="notice bad" role="alert">
          {o.message}
        </p>
      ) : (
        <>
          <p class="muted">{t("fc.intro", { days: o.days, date: o.lastDate })}</p>
          <img
            src={`${path}/charts/forecast.svg?lang=${p.lang}`}
            alt={t("fc.chartAlt")}
            width={720}
            height={320}
            id="forecast-chart"
          />
          <form method="get" action={`${path}/scenario`} class="row">
            <button type="submit">{t("fc.make")}</button>
            <span class="muted">{t("fc.makeHint", { days: o.forecast.forecast.length })}</span>
          </form>
          <h2>{t("fc.backtest")}</h2>
          <p id="chosen">
            {o.forecast.naiveFallback
              ? t("fc.naiveFallback")
              : t("fc.chosen", { method: methodName(t, o.forecast.chosen) })}
          </p>
          <p class="muted">{t("fc.backtestIntro", { origins: o.forecast.origins })}</p>
          <img
            src={`${path}/charts/backtest.svg?lang=${p.lang}`}
            alt={t("fc.backtestChartAlt")}
            width={720}
            height={320}
            id="backtest-chart"
          />
          <BacktestTable lang={p.lang} t={t} forecast={o.forecast} />
          <h2>{t("fc.byDay")}</h2>
          <table id="by-day">
            <thead>
              <tr>
                <th>{t("fc.date")}</th>
                <th>{t("fc.mean")}</th>
                <th>{t("fc.lo")}</th>
                <th>{t("fc.hi")}</th>
              </tr>
            </thead>
            <tbody>
              {o.forecast.forecast.map((d) => (
                <tr>
                  <td>
                    {d.date}
                    {p.closedDates.has(d.date) ? ` · ${t("fc.closed")}` : ""}
                  </td>
                  <td>{Math.round(d.mean)}</td>
                  <td>{Math.round(d.lo80)}</td>
                  <td>{Math.round(d.hi80)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted">{t("fc.trust")}</p>
        </>
      )}
    </Layout>
  );
}
