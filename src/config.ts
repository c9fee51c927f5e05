/** Settings from the environment, checked once at start-up. */
import { z } from "zod";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_PATH: z.string().default("./data/shekara.db"),
  SHEKARA_DEMO_PASSWORD: z.string().min(8).optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  /** bookings a day from one client address; 0 turns it off (so does RATE_LIMIT_PER_MINUTE=0) */
  BOOKINGS_PER_ADDRESS_PER_DAY: z.coerce.number().int().min(0).default(20),
  DEMO_TRAFFIC: z.enum(["on", "off"]).default("off"),
  /** how often called trucks past their deadline are marked as having missed the call */
  CALL_DEADLINE_CHECK_MS: z.coerce.number().int().min(100).default(15_000),
  /** how often drivers' notifications are sent and slot warnings written */
  NOTIFY_POLL_MS: z.coerce.number().int().min(100).default(5000),
  /** how often the demo shift moves the checkpoints on */
  DEMO_TRAFFIC_TICK_MS: z.coerce.number().int().min(100).default(15_000),
  /** seed the demo trucks on first start; tests that want empty checkpoints set it to off */
  SEED_DEMO_TRAFFIC: z.enum(["on", "off"]).default("on"),
  /** webhooks: the first retry's wait, doubled on each failure up to the maximum */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(2000),
  WEBHOOK_RETRY_MAX_MS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60_000),
  WEBHOOK_POLL_MS: z.coerce.number().int().min(10).default(1000),
  /** how often a thread of its own moves the write-ahead log's pages into the database file */
  WAL_CHECKPOINT_MS: z.coerce.number().int().min(10).default(100),
  /** on: subscribers may be on private or loopback addresses (an intranet); off keeps key holders out of ours */
  WEBHOOK_ALLOW_PRIVATE_URLS: z.enum(["on", "off"]).default("off"),
  /** webhook subscriptions one API key may hold: each one multiplies every event's deliveries */
  WEBHOOK_SUBSCRIPTIONS_PER_KEY: z.coerce.number().int().min(1).default(20),
  /** on: closing replays every crossing's log and fails if anything differs (the tests turn it on) */
  VERIFY_LOG_ON_CLOSE: z.enum(["on", "off"]).default("off"),
  // issue 17: the national hub (all optional; without HUB_URL the post works alone, as before)
  /** the seeded checkpoints this post serves, comma-separated; absent: all of them */
  CHECKPOINTS: z.string().optional(),
  /** the national hub this post pushes its event log to, e.g. https://hub.example.kz */
  HUB_URL: z.string().url().optional(),
  /** the key `npm run hub -- add-post <name>` printed for this post */
  HUB_POST_KEY: z.string().min(10).optional(),
  /** how often the pusher sends while the link is up; it backs off to HUB_BACKOFF_MAX_MS while down */
  HUB_PUSH_MS: z.coerce.number().int().min(10).default(1000),
  HUB_BACKOFF_MAX_MS: z.coerce
    .number()
    .int()
    .min(10)
    .default(5 * 60_000),
  HUB_HEARTBEAT_MS: z.coerce.number().int().min(10).default(60_000),
  /** how long a declaration waits for the hub's answer on a vehicle before it is taken as provisional */
  HUB_CLAIM_TIMEOUT_MS: z.coerce.number().int().min(10).default(3000),
});
export type Config = z.infer<typeof envSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Bad settings in the environment:\n${lines}`);
  }
  return parsed.data;
}
