/**
 * `npm run bench:forecast`: a recommendation for 30 checkpoints and 2 directions, each from two
 * years of daily demand (seeded synthetic series): the rolling-origin backtest of the three methods
 * (26 weekly origins), the chosen method's 14-day forecast, and the recommendation with its lanes
 * checked in the simulator (20 replications of 3 days per candidate). Goal: under 30 s on the
 * shared 2-core machine. A benchmark, not a test; prints the load average beside the time.
 */
import { loadavg } from "node:os";
import { SEED_CHECKPOINTS } from "../seed/checkpoints.ts";
import { SEED_CALENDAR } from "../seed/forecast-calendar.ts";
import { calendarOf } from "../src/forecast/calendar.ts";
import { forecastDemand } from "../src/forecast/forecast.ts";
import { recommend } from "../src/forecast/recommend.ts";
import { DEFAULT_TRUTH, syntheticSeries } from "../src/forecast/synthetic.ts";
import { mstlEngine } from "../src/forecast-engine.ts";
import { scenarioFromCheckpoint } from "../src/planner/from-checkpoint.ts";

const CHECKPOINTS = 30;
const DIRECTIONS = ["export", "import"] as const;
const cal = calendarOf(SEED_CALENDAR);
const engine = mstlEngine();
const template = SEED_CHECKPOINTS[0];
if (!template) throw new Error("no seed checkpoint");

const phases = { backtestAndForecast: 0, recommendAndSimulate: 0 };
const chosen = new Map<string, number>();
const started = performance.now();
const cpuBefore = process.cpuUsage();
for (let i = 0; i < CHECKPOINTS; i++)
  for (const [d, direction] of DIRECTIONS.entries()) {
    const base = 80 + ((i * 37 + d * 11) % 20) * 30; // 80 to 650 trucks a day each way
    const series = syntheticSeries({ ...DEFAULT_TRUTH, base }, cal, "2024-12-01", 730, 1000 * i + d);
    let t = performance.now();
    const f = forecastDemand(series, cal, { horizon: 14, backtest: true, engine });
    phases.backtestAndForecast += performance.now() - t;
    chosen.set(f.chosen, (chosen.get(f.chosen) ?? 0) + 1);
    const accepted = series.slice(-14).map((day) => ({ ...day, count: Math.round(day.count * 0.8) }));
    const config = { ...template.config, dailyLimit: Math.round(base * 0.8) };
    t = performance.now();
    recommend({
      forecast: f.forecast,
      accepted,
      calendar: cal,
      config,
      scenario: scenarioFromCheckpoint({ name: `checkpoint ${i} ${direction}`, config }),
      backlog: base,
      drainDays: 14,
      targetWaitMinutes: 60,
      seed: i,
    });
    phases.recommendAndSimulate += performance.now() - t;
  }
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const n = CHECKPOINTS * DIRECTIONS.length;
console.log(
  `${n} recommendations (${CHECKPOINTS} checkpoints x ${DIRECTIONS.length} directions) in ${seconds.toFixed(1)} s ` +
    `(${((1000 * seconds) / n).toFixed(0)} ms each): backtest and forecast ${(phases.backtestAndForecast / 1000).toFixed(1)} s, ` +
    `recommendation and simulation ${(phases.recommendAndSimulate / 1000).toFixed(1)} s. Goal: under 30 s.`,
);
console.log(`CPU time of this process: ${cpuSeconds.toFixed(1)} s (what the run costs on an idle core)`);
console.log(`Chosen methods: ${[...chosen].map(([m, k]) => `${m} ${k}`).join(", ")}`);
console.log(
  `Load average when done (2 cores, shared): ${loadavg()
    .map((l) => l.toFixed(1))
    .join(", ")}`,
);
