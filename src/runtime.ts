/** Builds the running system from its settings: the database, the app and the background jobs. */
import { randomInt } from "node:crypto";
import type { Config } from "./config.ts";
import { forecastPool } from "./forecast-pool.ts";
import { createApp } from "./http/app.tsx";
import type { AppDeps } from "./http/deps.ts";
import { keyRateLimiter } from "./http/key-rate-limit.ts";
import { startCallDeadlines } from "./jobs/call-deadlines.ts";
import { startDemoTraffic } from "./jobs/demo-traffic.ts";
import type { BackgroundJob } from "./jobs/job.ts";
import { startNotify } from "./jobs/notify.ts";
import { logSender, type Sender } from "./notify/sender.ts";
import { startPostLink } from "./post-link/index.ts";
import { apiKeyStore } from "./store/api-keys.ts";
import { checkpointStore } from "./store/checkpoints.ts";
import { crossingStore } from "./store/crossings.ts";
import { openDatabase } from "./store/db.ts";
import { forecastCalendarStore } from "./store/forecast-calendar.ts";
import { describeTrucksActiveTwice, ensureOneActivePerTruck } from "./store/one-truck-indexes.ts";
import { plannerSweepStore } from "./store/planner-sweeps.ts";
import { recommendationStore } from "./store/recommendations.ts";
import { isSeeded, seedDatabase } from "./store/seed.ts";
import { parseServedCheckpoints, servedCheckpoints } from "./store/served-checkpoints.ts";
import { simRunStore } from "./store/sim-runs.ts";
import { userStore } from "./store/users.ts";
import { describeReport, verifyLog } from "./store/verify-log.ts";
import { startWalCheckpoints } from "./store/wal-checkpoints.ts";
import { startWebhookDelivery } from "./webhooks/delivery.ts";

export type { BackgroundJob } from "./jobs/job.ts";

export function createRuntime(
  config: Config,
  log: (line: string) => void = console.log,
  // drivers' messages go to the log until an SMS gateway's Sender is plugged in here (tests keep them)
  sender: Sender = logSender(log),
) {
  const db = openDatabase(config.DATABASE_PATH);
  const now = () => Date.now();
  const served = parseServedCheckpoints(config.CHECKPOINTS);
  if (!isSeeded(db)) {
    seedDatabase(db, {
      now: now(),
      demoPassword: config.SHEKARA_DEMO_PASSWORD,
      demoTraffic: config.SEED_DEMO_TRAFFIC === "on",
      servedCheckpoints: served,
      log,
    });
  }
  // the published holidays and closures, once: at start, so no page request writes them (issue 18)
  forecastCalendarStore(db).seedIfEmpty(now());
  const interrupted = simRunStore(db).markInterrupted(now());
  if (interrupted > 0)
    log(`${interrupted} simulation run(s) did not finish before the last stop; marked interrupted.`);
  // trucks active twice from before the one-truck rule (issue 14): named at every start until ended
  // (openDatabase asked already; without the indexes this asks again, with them it only looks)
  for (const line of describeTrucksActiveTwice(ensureOneActivePerTruck(db))) log(line);
  const recsCut = recommendationStore(db).markInterrupted(now());
  if (recsCut > 0) log(`${recsCut} recommendation(s) were computing at the last stop; marked failed.`);
  const sweepsCut = plannerSweepStore(db).markInterrupted(now());
  if (sweepsCut > 0) log(`${sweepsCut} sweep(s) did not finish before the last stop; marked interrupted.`);
  const deps: AppDeps = {
    db,
    checkpoints: servedCheckpoints(checkpointStore(db), served),
    crossings: crossingStore(db),
    users: userStore(db),
    now,
    random: () => randomInt(0, 2 ** 32) / 2 ** 32,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    apiKeys: apiKeyStore(db),
    keyLimiter: keyRateLimiter(now),
    allowPrivateWebhookUrls: config.WEBHOOK_ALLOW_PRIVATE_URLS === "on",
    webhookSubscriptionsPerKey: config.WEBHOOK_SUBSCRIPTIONS_PER_KEY,
    bookingsPerAddressPerDay: config.BOOKINGS_PER_ADDRESS_PER_DAY,
    sender,
    // one thread: the machine has two cores, and the server keeps one (as the planner's run queue)
    forecastPool: forecastPool({ threads: 1 }),
  };
  // the log's pages copied into the database file on a thread of their own, not inside a commit
  const jobs: BackgroundJob[] = [startWalCheckpoints(db, { everyMs: config.WAL_CHECKPOINT_MS, log })];
  const pool = deps.forecastPool;
  if (pool) jobs.push({ name: "recommendation thread", stop: () => pool.close() });
  // issue 17: with HUB_URL and HUB_POST_KEY, push the event log to the national hub and ask it about vehicles
  const link = startPostLink(deps, config, log);
  if (link) {
    deps.national = link.national;
    deps.nationalFigures = link.nationalFigures;
    jobs.push(link.job);
  }
  const app = createApp(deps);
  const webhooks = startWebhookDelivery({
    db,
    now,
    retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
    retryMaxMs: config.WEBHOOK_RETRY_MAX_MS,
    pollMs: config.WEBHOOK_POLL_MS,
    allowPrivate: deps.allowPrivateWebhookUrls,
    log,
  });
  deps.crossings.onCommitted(webhooks.wake);
  jobs.push(webhooks);
  jobs.push(startCallDeadlines(deps, config.CALL_DEADLINE_CHECK_MS, log));
  jobs.push(startNotify(deps, sender, config.NOTIFY_POLL_MS, log));
  if (config.DEMO_TRAFFIC === "on") jobs.push(startDemoTraffic(deps, config.DEMO_TRAFFIC_TICK_MS, log));
  return {
    deps,
    app,
    jobs,
    /** Stops the jobs and closes the database; with VERIFY_LOG_ON_CLOSE, first checks the log. */
    async close() {
      for (const job of jobs) await job.stop();
      const report = config.VERIFY_LOG_ON_CLOSE === "on" ? verifyLog(db) : null;
      db.close();
      if (report && report.differences.length > 0) throw new Error(`verify-log: ${describeReport(report)}`);
    },
  };
}
export type Runtime = ReturnType<typeof createRuntime>;
