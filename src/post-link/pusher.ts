/**
 * The post's link to the hub. Posts push; the hub never pulls. Every HUB_PUSH_MS while the link is up
 * it sends the events after the hub's cursor (batches of at most 1,000 events or 256 KB gzipped), then
 * fetches the hub's commands; while the link is down it backs off, doubling up to HUB_BACKOFF_MAX_MS.
 * A heartbeat with the checkpoints' status goes every HUB_HEARTBEAT_MS. The post's own event log is
 * the buffer: nothing is lost while the link is down for days, and nothing waits on the hub.
 */
import type { CrossingFigures } from "../domain/rerouting.ts";
import type { Heartbeat, HubCommand } from "../hub/wire.ts";
import { type HubClient, HubRefusal } from "./hub-client.ts";
import type { PostOutbox } from "./outbox.ts";

export interface PusherOptions {
  outbox: PostOutbox;
  hub: HubClient;
  status: (at: number) => Heartbeat;
  applyCommand: (command: HubCommand, at: number) => string;
  now: () => number;
  pushMs: number;
  backoffMaxMs: number;
  heartbeatMs: number;
  log: (line: string) => void;
  /** the hub's national figures, fetched with each heartbeat (re-routing advice on the booking page) */
  onNationalFigures?: (rows: CrossingFigures[]) => void;
}

export function startPusher(o: PusherOptions) {
  let cursor = o.outbox.ackedSeq();
  let delay = o.pushMs;
  let lastBeat = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let wasDown = false;

  /** Sends until the hub holds everything; true when the link worked. */
  async function pushAll(): Promise<void> {
    for (;;) {
      const next = o.outbox.next(cursor);
      if (!next) return;
      try {
        const r = await o.hub.pushBatch(next.body);
        cursor = r.cursor;
      } catch (e) {
        if (
          e instanceof HubRefusal &&
          e.status === 409 &&
          typeof e.body.cursor === "number" &&
          e.body.cursor >= 0
        ) {
          // the hub holds less than we thought (its database restored): resend from its cursor
          cursor = e.body.cursor;
          continue;
        }
        throw e;
      }
      o.outbox.setAcked(cursor, o.now());
    }
  }

  async function round(): Promise<void> {
    try {
      await pushAll();
      const at = o.now();
      if (at - lastBeat >= o.heartbeatMs) {
        await o.hub.heartbeat(o.status(at));
        lastBeat = at;
        if (o.onNationalFigures) o.onNationalFigures(await o.hub.nationalWaitTimes());
      }
      for (const command of await o.hub.commands()) {
        const outcome = o.applyCommand(command, o.now());
        await o.hub.commandDone(command.id, outcome);
        o.log(`hub command ${command.id} (${command.kind} ${command.crossingId}): ${outcome}`);
      }
      if (wasDown) o.log(`hub link is up again; the hub holds every event to seq ${cursor}`);
      wasDown = false;
      delay = o.pushMs;
    } catch (e) {
      const message = (e as Error).message;
      o.outbox.setError(message);
      if (!wasDown)
        o.log(`hub link down (${message}); events wait in the post's log, retrying with back-off`);
      wasDown = true;
      delay = Math.min(o.backoffMaxMs, Math.max(o.pushMs, delay * 2));
    }
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round().finally(schedule);
    }, delay);
  };
  running = round().finally(schedule);

  return {
    name: "hub-pusher",
    /** the hub's cursor as last heard */
    cursor: () => cursor,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
