/**
 * `npm run bench:forecast`: a recommendation for 30 checkpoints and 2 directions, each from two
 * years of daily demand (seeded synthetic series): the rolling-origin backtest of the three methods
 * (26 weekly origins), the chosen method's 14-day forecast, and the recommendation with its lanes
 * checked in the simulator (20 replications of 3 days per candidate, the e-queue and the gate
 * modelled). The 60 jobs run on a pool of worker threads, one per core (the server's own pool,
 * src/forecast-pool.ts). Goal: under 30 s on the shared 2-core machine. A benchmark, not a test;
 * prints the load average beside the time. `BENCH_THREADS=1` runs on one thread.
 */
import { availableParallelism, loadavg } from "node:os";
import { SEED_CHECKPOINTS } from "../seed/checkpoints.ts";
import { SEED_CALENDAR } from "../seed/forecast-calendar.ts";
import { calendarOf } from "../src/forecast/calendar.ts";
import type { RecommendationJob } from "../src/forecast/recommendation-job.ts";
import { DEFAULT_TRUTH, syntheticSeries } from "../src/forecast/synthetic.ts";
import { forecastPool } from "../src/forecast-pool.ts";
import { scenarioFromCheckpoint } from "../src/planner/from-checkpoint.ts";

const CHECKPOINTS = Number(process.env.BENCH_CHECKPOINTS ?? 30);
const DIRECTIONS = ["export", "import"] as const;
const THREADS = Number(process.env.BENCH_THREADS ?? availableParallelism());
const cal = calendarOf(SEED_CALENDAR);
const template = SEED_CHECKPOINTS[0];
if (!template) throw new Error("no seed checkpoint");

const jobs: RecommendationJob[] = [];
for (let i = 0; i < CHECKPOINTS; i++)
  for (const [d, direction] of DIRECTIONS.entries()) {
    const base = 80 + ((i * 37 + d * 11) % 20) * 30; // 80 to 650 trucks a day each way
    const series = syntheticSeries({ ...DEFAULT_TRUTH, base }, cal, "2024-12-01", 730, 1000 * i + d);
    const config = { ...template.config, dailyLimit: Math.round(base * 0.8) };
    jobs.push({
      series,
      accepted: series.slice(-14).map((day) => ({ ...day, count: Math.round(day.count * 0.8) })),
      calendar: [...SEED_CALENDAR],
      config,
      scenario: scenarioFromCheckpoint({ name: `checkpoint ${i} ${direction}`, config }),
      backlog: base,
      drainDays: 14,
      targetWaitMinutes: 60,
      horizon: 14,
      seed: i,
    });
  }

const pool = forecastPool({ threads: THREADS });
const started = performance.now();
const cpuBefore = process.cpuUsage();
const results = await Promise.all(jobs.map((job) => pool.run(job)));
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
await pool.close();
const chosen = new Map<string, number>();
for (const r of results) chosen.set(r.forecast.chosen, (chosen.get(r.forecast.chosen) ?? 0) + 1);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const n = jobs.length;
console.log(
  `${n} recommendations (${CHECKPOINTS} checkpoints x ${DIRECTIONS.length} directions) on ${THREADS} thread(s) in ` +
    `${seconds.toFixed(1)} s (${((1000 * seconds) / n).toFixed(0)} ms each). Goal: under 30 s.`,
);
console.log(`CPU time of this process, all threads: ${cpuSeconds.toFixed(1)} s`);
console.log(`Chosen methods: ${[...chosen].map(([m, k]) => `${m} ${k}`).join(", ")}`);
console.log(
  `Limits: ${results
    .slice(0, 6)
    .map((r) => r.recommendation.dailyLimit)
    .join(", ")}, ... (the first six, to compare runs)`,
);
console.log(
  `Load average when done (2 cores, shared): ${loadavg()
    .map((l) => l.toFixed(1))
    .join(", ")}`,
);
