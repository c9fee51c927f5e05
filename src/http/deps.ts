/** What every route module receives: the stores and the clock, never globals. */
import type { CheckpointStore } from "../store/checkpoints.ts";
import type { CrossingStore } from "../store/crossings.ts";
import type { DB } from "../store/db.ts";
import type { UserStore } from "../store/users.ts";

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
}
