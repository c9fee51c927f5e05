/**
 * The queue discipline: which waiting truck is called next. Pure; the live server and the
 * simulator both use `pickClass`, so the cycle works the same in both.
 *
 * The checkpoint's cycle is a list of priority classes (eCherha: 1 perishable+transit,
 * 1 perishable, 1 transit, 5 ordinary). The queue walks the cycle from where it stopped;
 * a place whose class has nobody waiting is skipped, so no lane idles while trucks wait.
 * Classes the cycle does not name queue as "ordinary"; a cycle of ["ordinary"] is plain FIFO.
 */
import type { CrossingContext, EventOf, PriorityClass } from "../../machines/types.ts";

export function queueClass(priority: PriorityClass, cycle: readonly PriorityClass[]): PriorityClass {
  return cycle.includes(priority) ? priority : "ordinary";
}

/**
 * From cycle place `position`, the first place whose class has a truck waiting.
 * Returns the class and the place to start from next time, or null when nobody waits.
 */
export function pickClass(
  hasWaiting: (cls: PriorityClass) => boolean,
  cycle: readonly PriorityClass[],
  position: number,
): { cls: PriorityClass; nextPosition: number } | null {
  const n = cycle.length;
  for (let i = 0; i < n; i++) {
    const place = (position + i) % n;
    const cls = cycle[place] as PriorityClass;
    if (hasWaiting(cls)) return { cls, nextPosition: (place + 1) % n };
  }
  // Nobody of a named class waits; trucks whose class the cycle leaves out queue as ordinary.
  return null;
}

export interface WaitingTruck {
  id: string;
  priority: PriorityClass;
  /** false for a walk-in: trucks in their booked slot go first within a class */
  booked: boolean;
  checkedInAt: number;
  /** a supervisor's recorded move forward puts the truck ahead of every class */
  promotedAt: number | null;
}

const withinClass = (a: WaitingTruck, b: WaitingTruck) =>
  Number(a.booked === false) - Number(b.booked === false) ||
  a.checkedInAt - b.checkedInAt ||
  (a.id < b.id ? -1 : 1);

/**
 * The whole waiting area in call order, from cycle place `position`: what the dashboard,
 * the driver's position and the public board show. The first entry is the next to be called.
 */
export function orderQueue(
  waiting: readonly WaitingTruck[],
  cycle: readonly PriorityClass[],
  position: number,
): WaitingTruck[] {
  const promoted = waiting
    .filter((t) => t.promotedAt !== null)
    .sort((a, b) => (a.promotedAt as number) - (b.promotedAt as number) || withinClass(a, b));
  const byClass = new Map<PriorityClass, WaitingTruck[]>();
  for (const truck of waiting) {
    if (truck.promotedAt !== null) continue;
    const cls = queueClass(truck.priority, cycle);
    const list = byClass.get(cls) ?? [];
    list.push(truck);
    byClass.set(cls, list);
  }
  for (const list of byClass.values()) list.sort(withinClass);

  const order = [...promoted];
  const heads = new Map<PriorityClass, number>();
  const hasWaiting = (cls: PriorityClass) => (heads.get(cls) ?? 0) < (byClass.get(cls)?.length ?? 0);
  let place = position % cycle.length;
  for (;;) {
    const pick = pickClass(hasWaiting, cycle, place);
    if (!pick) break;
    const head = heads.get(pick.cls) ?? 0;
    order.push((byClass.get(pick.cls) as WaitingTruck[])[head] as WaitingTruck);
    heads.set(pick.cls, head + 1);
    place = pick.nextPosition;
  }
  return order;
}

/** Where the cycle stands after the first truck of `orderQueue` is called. */
export function positionAfterCall(
  truck: WaitingTruck,
  cycle: readonly PriorityClass[],
  position: number,
): number {
  if (truck.promotedAt !== null) return position;
  const cls = queueClass(truck.priority, cycle);
  const pick = pickClass((c) => c === cls, cycle, position);
  return pick ? pick.nextPosition : position;
}

/** The lanes a truck may be called to: numbered from 1, less those holding a called or checked truck. */
export function freeLanes(laneCount: number, inUse: Iterable<number>): number[] {
  const used = new Set(inUse);
  return Array.from({ length: laneCount }, (_, i) => i + 1).filter((lane) => !used.has(lane));
}

/** What the checkpoint knows of its document lanes when a truck is sent to one (a call, a resume). */
export interface LaneFacts {
  lanesOpen: number;
  lanesBusy: number[];
}

/**
 * An officer's RESUME as sent: a truck held at its document check goes back with the lanes as they
 * are, to its own lane if still free, else the first free one, else none (the machine then says every
 * lane is busy). A truck held at a scan or a bay needs no lane: `lanes` is read only when one is.
 */
export function resumeEvent(
  event: EventOf<"RESUME">,
  held: Pick<CrossingContext, "holdFrom" | "lane">,
  lanes: () => LaneFacts,
): EventOf<"RESUME"> {
  if (held.holdFrom !== "documentCheck") return event;
  const facts = lanes();
  const free = freeLanes(facts.lanesOpen, facts.lanesBusy);
  const lane = held.lane !== null && free.includes(held.lane) ? held.lane : free[0];
  return lane === undefined ? { ...event, ...facts } : { ...event, ...facts, lane };
}
