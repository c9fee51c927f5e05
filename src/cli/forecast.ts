/**
 * `npm run forecast -- --series FILE --horizon 7 --backtest --json -`: reads `date,count[,closed]`
 * (one row a day, ISO dates; `-` reads stdin) and prints the methods' backtest scores, the chosen
 * method, its forecast with 80% intervals and the regression's factors.
 * `npm run forecast -- --checkpoint nur-zholy --horizon 14 [--direction export] [--db FILE]` uses
 * the checkpoint's own recorded demand up to yesterday. A bad file or flag exits with code 2 and
 * names the line.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { SEED_CALENDAR } from "../../seed/forecast-calendar.ts";
import { readConfig } from "../config.ts";
import { calendarOf } from "../forecast/calendar.ts";
import { addDays } from "../forecast/dates.ts";
import { forecastDemand } from "../forecast/forecast.ts";
import type { DemandDay } from "../forecast/series.ts";
import { parseSeriesCsv } from "../forecast/series.ts";
import { mstlEngine } from "../forecast-engine.ts";
import { checkpointStore } from "../store/checkpoints.ts";
import { openDatabase } from "../store/db.ts";
import { demandStore, localDate } from "../store/demand.ts";
import { forecastCalendarStore } from "../store/forecast-calendar.ts";

function fail(message: string): never {
  process.stderr.write(`forecast: ${message}\n`);
  process.exit(2);
}

let values: Record<string, string | boolean | undefined>;
try {
  values = parseArgs({
    options: {
      series: { type: "string" },
      checkpoint: { type: "string" },
      direction: { type: "string" },
      db: { type: "string" },
      horizon: { type: "string", default: "7" },
      backtest: { type: "boolean", default: false },
      json: { type: "string" },
    },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
const horizon = Number(values.horizon);
if (!Number.isInteger(horizon) || horizon < 1 || horizon > 14)
  fail(`--horizon: expected a whole number of days from 1 to 14, got "${values.horizon}"`);
if (Boolean(values.series) === Boolean(values.checkpoint))
  fail("give either --series FILE or --checkpoint ID");

let series: DemandDay[];
let calendar = SEED_CALENDAR.filter((d) => d.kind !== "closure");
let label: string;
if (typeof values.series === "string") {
  const file = values.series;
  let text = "";
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (error) {
    fail(`${file}: ${(error as Error).message}`);
  }
  const parsed = parseSeriesCsv(text);
  if (!parsed.ok) fail(`${file}, line ${parsed.line}: ${parsed.message}`);
  series = parsed.series;
  // the file's own closed days are its closures; the holidays are the seed calendar's
  calendar = [
    ...calendar,
    ...series
      .filter((d) => d.closed)
      .map((d) => ({ ...d, kind: "closure" as const, name: "closed", neighbour: null, source: "file" })),
  ];
  label = file;
} else {
  const db = openDatabase(typeof values.db === "string" ? values.db : readConfig().DATABASE_PATH);
  const cp = checkpointStore(db).get(String(values.checkpoint));
  if (!cp) fail(`--checkpoint: no checkpoint "${values.checkpoint}"`);
  const calendarStore = forecastCalendarStore(db);
  calendarStore.seedIfEmpty(Date.now());
  calendar = calendarStore.inForce(cp.neighbour);
  const closures = new Set(calendar.filter((d) => d.kind === "closure").map((d) => d.date));
  const yesterday = addDays(localDate(Date.now(), cp.config.timezone), -1);
  const direction = typeof values.direction === "string" ? values.direction : undefined;
  series = demandStore(db).daily(
    { id: cp.id, timezone: cp.config.timezone },
    yesterday,
    (d) => closures.has(d),
    direction,
  );
  db.close();
  if (series.length < 14)
    fail(`${cp.id}: ${series.length} day(s) of recorded demand; a forecast needs at least 14`);
  label = `${cp.id}${direction ? ` (${direction})` : ""}`;
}
if (series.length < 14) fail(`${label}: ${series.length} day(s); a forecast needs at least 14`);

const result = forecastDemand(series, calendarOf(calendar), {
  horizon,
  backtest: values.backtest === true || typeof values.checkpoint === "string",
  engine: mstlEngine(),
});
const json = {
  methods: result.methods.map(({ name, mase, mape, coverage80, byHorizon }) => ({
    name,
    mase,
    mape,
    coverage80,
    byHorizon,
  })),
  chosen: result.chosen,
  naiveFallback: result.naiveFallback,
  origins: result.origins,
  forecast: result.forecast,
  factors: result.factors,
};
if (values.json === "-") process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
else {
  const out = [`Forecast for ${label}, ${series.length} days of history`];
  if (result.methods.length) {
    out.push(`Backtest, ${result.origins} weekly origins, horizons 1/7/14:`);
    for (const m of result.methods)
      out.push(
        `  ${m.name.padEnd(17)} MASE ${m.mase.toFixed(3)}  MAPE ${m.mape.toFixed(1)}%  80% coverage ${(100 * m.coverage80).toFixed(0)}%`,
      );
  }
  out.push(`Chosen: ${result.chosen}${result.naiveFallback ? " (no method beat the seasonal naive)" : ""}`);
  for (const d of result.forecast)
    out.push(`  ${d.date}  ${d.mean.toFixed(0).padStart(6)}  [${d.lo80}, ${d.hi80}]`);
  const w = result.factors.weekday;
  out.push(
    `Factors: ${Object.entries(w)
      .map(([k, v]) => `${k} ×${v.toFixed(2)}`)
      .join(
        ", ",
      )}; Kazakh holiday ×${result.factors.holidayKz}, Chinese holiday ×${result.factors.holidayCn}, trend ×${result.factors.trendPerYear} a year`,
  );
  process.stdout.write(`${out.join("\n")}\n`);
  if (typeof values.json === "string") writeFileSync(values.json, `${JSON.stringify(json, null, 2)}\n`);
}
