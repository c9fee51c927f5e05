/** The post's heartbeat: per checkpoint, the queue, lanes open, daily limit and last hour's throughput. */

import { estimateWaitMinutes, isOpen, localHour } from "../domain/wait-times.ts";
import type { AppDeps } from "../http/deps.ts";
import type { Heartbeat } from "../hub/wire.ts";
import { bookingStore } from "../store/booking.ts";
import { waitTimeStore } from "../store/wait-times.ts";
import type { PostOutbox } from "./outbox.ts";

const HOUR = 3_600_000;

export function postStatus(deps: Pick<AppDeps, "db" | "checkpoints" | "crossings">, outbox: PostOutbox) {
  const counts = waitTimeStore(deps.db);
  const bookings = bookingStore(deps.db, deps.crossings);
  return (at: number): Heartbeat => {
    const now = counts.counts(at - HOUR);
    return {
      epoch: outbox.epoch,
      at,
      lastSeq: outbox.lastSeq(),
      checkpoints: deps.checkpoints.list().map((cp) => {
        const c = now.get(cp.id) ?? { trucksWaiting: 0, throughput: 0 };
        const lanesOpen = isOpen(cp.config, localHour(at, cp.config.timezone)) ? cp.config.documentLanes : 0;
        const slots = bookings.slots(cp, at, Math.ceil((24 * 60) / cp.config.slotMinutes), at);
        return {
          checkpointId: cp.id,
          name: cp.name,
          names: cp.names,
          neighbour: cp.neighbour,
          queueLength: c.trucksWaiting,
          lanesOpen,
          dailyLimit: cp.config.dailyLimit,
          throughputLastHour: c.throughput,
          estimatedWaitMinutes: estimateWaitMinutes({
            trucksWaiting: c.trucksWaiting,
            lanesOpen,
            throughputLastHour: c.throughput,
            dailyLimit: cp.config.dailyLimit,
          }),
          freePlacesNext24h: slots.reduce((sum, s) => sum + s.available, 0),
        };
      }),
    };
  };
}
