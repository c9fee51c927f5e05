/**
 * The drivers' notifications: each tick warns the booked trucks whose slot is about to lapse, then
 * hands what is due in the outbox to the sender. Rows stay in the database, so a restart resumes
 * where it stopped; a sender that fails is tried again later, up to MAX_ATTEMPTS.
 */
import { slotWarningWindow } from "../domain/notifications.ts";
import type { AppDeps } from "../http/deps.ts";
import type { Sender } from "../notify/sender.ts";
import { notificationStore } from "../store/notifications.ts";
import type { BackgroundJob } from "./job.ts";

/** One pass: the warnings, then every due notification through the sender. Returns how many were sent. */
export async function notifyOnce(deps: Pick<AppDeps, "db" | "checkpoints">, send: Sender, now: number) {
  const store = notificationStore(deps.db);
  for (const cp of deps.checkpoints.list())
    store.warnSlots(
      cp.id,
      cp.config.graceMinutes * 60_000,
      slotWarningWindow(now, cp.config.graceMinutes),
      now,
    );
  let sent = 0;
  for (const n of store.due(now)) {
    try {
      const to = store.recipient(n.crossingId);
      // the foreign key keeps the crossing; a missing phone is a failure to record, not to skip
      if (!to?.phone) throw new Error("no phone number in the declaration");
      await send(n, to);
      store.markSent(n.id, now);
      sent++;
    } catch (error) {
      store.markFailed(n, (error as Error).message ?? String(error), now);
    }
  }
  return sent;
}

export function startNotify(
  deps: AppDeps,
  send: Sender,
  everyMs: number,
  log: (line: string) => void,
): BackgroundJob {
  let running = false;
  const tick = async () => {
    if (running) return; // a slow sender: the next tick waits its turn
    running = true;
    try {
      await notifyOnce(deps, send, deps.now());
    } catch (err) {
      // a busy or full database: the rows are still there, the next tick tries again
      log(`notifications: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return { name: "notifications", stop: () => clearInterval(timer) };
}
