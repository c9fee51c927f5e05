/** A simulated truck as `--csv` writes it. */
import type { TruckRecord } from "./run-result.ts";
import { STAGES, type Stage, type Truck } from "./truck.ts";

/** The truck as it leaves, copied out of the pool (the pool reuses the truck at once). */
export function truckRecord(t: Truck, now: number, released: boolean): TruckRecord {
  return {
    id: t.id,
    plate: t.context.plate,
    channel: t.context.channel,
    priority: t.context.priority,
    arrivedAt: t.arrivedAt,
    calledAt: t.calledAt,
    leftAt: now,
    outcome: released ? "released" : "left",
    stageMinutes: Object.fromEntries(STAGES.map((s, i) => [s, t.stage[i] as number])) as Record<
      Stage,
      number
    >,
  };
}
