/**
 * The waiting area inside the control zone: trucks wait here for a document lane, and the next one
 * is called by the live queue discipline (src/domain/queue.ts): eCherha's cycle of priority
 * classes, or strict priority when the scenario asks for it. Its length over time is the report's
 * queue. Pure, like the model (model.ts).
 */
import type { PriorityClass } from "../../machines/types.ts";
import { PRIORITY_CLASSES } from "../../machines/types.ts";
import { pickClass, queueClass } from "../domain/queue.ts";
import { Fifo, Level } from "./queues.ts";
import type { Truck } from "./truck.ts";

export class WaitingArea {
  /** how many trucks wait, over time */
  readonly level: Level;
  private readonly byClass: Map<PriorityClass, Fifo<Truck>>;
  private cyclePlace = 0;

  constructor(
    warm: number,
    private readonly strict: boolean,
    private readonly cycle: readonly PriorityClass[],
  ) {
    this.level = new Level(warm);
    this.byClass = new Map((strict ? PRIORITY_CLASSES : cycle).map((c) => [c, new Fifo<Truck>()]));
    if (!this.byClass.has("ordinary")) this.byClass.set("ordinary", new Fifo<Truck>());
  }

  get length(): number {
    return this.level.value;
  }

  /** Comes to wait at `now` (checked in, back from a missed call, handed over by the AGV lane). */
  push(t: Truck, now: number): void {
    const cls = this.strict ? t.context.priority : queueClass(t.context.priority, this.cycle);
    (this.byClass.get(cls) as Fifo<Truck>).push(t);
    this.level.set(now, this.level.value + 1);
  }

  /** The truck called next at `now`; only when `length` > 0. */
  next(now: number): Truck {
    const t = (this.byClass.get(this.nextClass()) as Fifo<Truck>).shift();
    this.level.set(now, this.level.value - 1);
    return t;
  }

  private readonly hasWaiting = (cls: PriorityClass) => (this.byClass.get(cls)?.length ?? 0) > 0;

  private nextClass(): PriorityClass {
    if (this.strict) return PRIORITY_CLASSES.find(this.hasWaiting) ?? "ordinary";
    const pick = pickClass(this.hasWaiting, this.cycle, this.cyclePlace);
    if (!pick) return "ordinary";
    this.cyclePlace = pick.nextPosition;
    return pick.cls;
  }
}
