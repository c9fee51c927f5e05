/** The post's link to a national hub, started only when HUB_URL and HUB_POST_KEY are set. */
import type { Config } from "../config.ts";
import type { CrossingFigures } from "../domain/rerouting.ts";
import type { AppDeps } from "../http/deps.ts";
import { commandApplier } from "./commands.ts";
import { hubClient } from "./hub-client.ts";
import { hubVehicleCheck, type NationalVehicleCheck } from "./national-check.ts";
import { postOutbox } from "./outbox.ts";
import { startPusher } from "./pusher.ts";
import { postStatus } from "./status.ts";

export function startPostLink(
  deps: AppDeps,
  config: Config,
  log: (line: string) => void,
): {
  national: NationalVehicleCheck;
  nationalFigures: () => readonly CrossingFigures[];
  job: ReturnType<typeof startPusher>;
} | null {
  if (!config.HUB_URL && !config.HUB_POST_KEY) return null;
  if (!config.HUB_URL || !config.HUB_POST_KEY)
    throw new Error("Set both HUB_URL and HUB_POST_KEY, or neither.");
  const hub = hubClient({ url: config.HUB_URL, key: config.HUB_POST_KEY, timeoutMs: 30_000 });
  const outbox = postOutbox(deps.db);
  log(`pushing to the hub at ${config.HUB_URL} as post ${hub.post} (database epoch ${outbox.epoch})`);
  let figures: readonly CrossingFigures[] = [];
  const job = startPusher({
    onNationalFigures: (rows) => {
      figures = rows;
    },
    outbox,
    hub,
    status: postStatus(deps, outbox),
    applyCommand: commandApplier(deps.db, deps.crossings),
    now: deps.now,
    pushMs: config.HUB_PUSH_MS,
    backoffMaxMs: config.HUB_BACKOFF_MAX_MS,
    heartbeatMs: config.HUB_HEARTBEAT_MS,
    log,
  });
  return { national: hubVehicleCheck(hub, config.HUB_CLAIM_TIMEOUT_MS), nationalFigures: () => figures, job };
}
