/**
 * The way into the control zone. A truck that asks to cross waits in the virtual queue while the
 * e-queue's daily limit is used up, then reaches the border and waits before the gate until the
 * neighbour's side takes its place (N trucks a day): a released truck is never stuck between the
 * checkpoint and a neighbour that does not take it. Both waits are pacers (pacer.ts); their
 * lengths over time are the report's virtual queue and gate queue. Pure, like the model (model.ts).
 */
import { type Day, dayOf } from "./day-plan.ts";
import type { EventHeap } from "./heap.ts";
import { Pacer } from "./pacer.ts";
import { Level } from "./queues.ts";
import { EQUEUE_WAKE, GATE_WAKE } from "./sim-events.ts";
import type { Summary } from "./summary.ts";
import type { Truck } from "./truck.ts";
import type { TruckMarks } from "./truck-marks.ts";

export interface EntranceSetup {
  warm: number;
  plan: readonly Day[];
  /** some day of the plan sets a daily limit / a neighbour that takes fewer than all */
  eQueueLimited: boolean;
  gateLimited: boolean;
  heap: EventHeap;
  marks: TruckMarks;
  /** the counted trucks' waits in the virtual queue */
  virtualWait: Summary;
  /** through the gate, into the control zone */
  admit: (t: Truck, now: number) => void;
}

export class Entrance {
  readonly virtualLevel: Level;
  readonly gateLevel: Level;
  private readonly eQueue: Pacer;
  private readonly gate: Pacer;

  constructor(private readonly s: EntranceSetup) {
    this.virtualLevel = new Level(s.warm);
    this.gateLevel = new Level(s.warm);
    this.eQueue = new Pacer(
      (m) => dayOf(s.plan, m).dailyLimit,
      (m) => s.heap.push(m, EQUEUE_WAKE, 0),
      (t, now) => {
        this.virtualLevel.set(now, this.virtualLevel.value - 1);
        this.toBorder(t, now);
      },
    );
    this.gate = new Pacer(
      (m) => dayOf(s.plan, m).neighbourAcceptsPerDay,
      (m) => s.heap.push(m, GATE_WAKE, 0),
      (t, now) => {
        this.gateLevel.set(now, this.gateLevel.value - 1);
        s.admit(t, now);
      },
    );
  }

  /** Trucks in the virtual queue and before the gate. */
  get waiting(): number {
    return this.virtualLevel.value + this.gateLevel.value;
  }

  /**
   * A truck asks to cross at `now`. `backlog`: it was already waiting there when the run started.
   * The e-queue is skipped (no draw, no event) on days it sets no limit.
   */
  arrive(t: Truck, now: number, backlog?: "gateQueue" | "virtualQueue"): void {
    const open =
      !this.s.eQueueLimited ||
      (dayOf(this.s.plan, now).dailyLimit === Number.POSITIVE_INFINITY && this.eQueue.queue.length === 0);
    if (backlog === "gateQueue" || (!backlog && open)) this.toBorder(t, now);
    else {
      this.virtualLevel.set(now, this.virtualLevel.value + 1);
      this.eQueue.offer(t, now);
    }
  }

  wakeEQueue(now: number): void {
    this.eQueue.wake(now);
  }

  wakeGate(now: number): void {
    this.gate.wake(now);
  }

  /** The truck reaches the border and waits before the gate. */
  private toBorder(t: Truck, now: number): void {
    this.s.marks.borderAt[t.slot] = now;
    if (t.counted && this.s.eQueueLimited) this.s.virtualWait.add(now - t.arrivedAt);
    if (!this.s.gateLimited) {
      this.s.admit(t, now);
      return;
    }
    this.gateLevel.set(now, this.gateLevel.value + 1);
    this.gate.offer(t, now);
  }
}
