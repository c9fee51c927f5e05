/** What every route module receives: the stores and the clock, never globals. */

import type { CrossingFigures } from "../domain/rerouting.ts";
import type { ForecastPool } from "../forecast-pool.ts";
import type { Sender } from "../notify/sender.ts";
import type { NationalVehicleCheck } from "../post-link/national-check.ts";
import type { ApiKeyStore } from "../store/api-keys.ts";
import type { CheckpointStore } from "../store/checkpoints.ts";
import type { CrossingStore } from "../store/crossings.ts";
import type { DB } from "../store/db.ts";
import type { UserStore } from "../store/users.ts";
import type { KeyRateLimiter } from "./key-rate-limit.ts";

export interface AppDeps {
  db: DB;
  checkpoints: CheckpointStore;
  crossings: CrossingStore;
  users: UserStore;
  /** epoch milliseconds; tests pass a fixed clock */
  now: () => number;
  /** uniform in [0, 1); the random selection of the risk rules */
  random: () => number;
  /** writes per minute per client address; 0 turns the limit off */
  rateLimitPerMinute: number;
  /** API keys of carriers' platforms, devices and monitors, and their per-key rate limits */
  apiKeys: ApiKeyStore;
  keyLimiter: KeyRateLimiter;
  /** whether webhook subscriptions may point at private and loopback addresses */
  allowPrivateWebhookUrls: boolean;
  /** webhook subscriptions one API key may hold */
  webhookSubscriptionsPerKey: number;
  /** bookings a day per client address; 0, or rateLimitPerMinute 0, turns the cap off */
  bookingsPerAddressPerDay: number;
  /** how a message reaches a driver's phone now (the one-time code); the outbox's job uses the same */
  sender: Sender;
  /** issue 17: the national hub's vehicle claim before a declaration; absent without a hub */
  national?: NationalVehicleCheck;
  /** issue 17: the hub's latest national figures (for re-routing advice); absent without a hub */
  nationalFigures?: () => readonly CrossingFigures[];
  /** issue 18: the worker thread that computes recommendations off the request thread */
  forecastPool?: ForecastPool;
}
