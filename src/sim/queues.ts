/** The simulator's two measuring containers: a FIFO of trucks, and a level integrated over time. */

/** A FIFO that reuses its array, so millions of trucks do not churn the heap. */
export class Fifo<T> {
  private items: T[] = [];
  private head = 0;
  get length() {
    return this.items.length - this.head;
  }
  push(t: T) {
    this.items.push(t);
  }
  shift(): T {
    const t = this.items[this.head++] as T;
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return t;
  }
}

/** Time-weighted integral of a level (queue length, busy servers) from the warm-up on. */
export class Level {
  value = 0;
  area = 0;
  max = 0;
  private last = 0;
  constructor(private readonly from: number) {}
  set(now: number, value: number) {
    if (now > this.from) this.area += this.value * (now - Math.max(this.last, this.from));
    this.last = now;
    this.value = value;
    if (now >= this.from && value > this.max) this.max = value;
  }
}

/** Busy time over available time, capped at 1: a check that runs past a shift's end keeps its lane a little longer. */
export const utilisation = (busy: Level, capacity: Level) =>
  capacity.area > 0 ? Math.min(1, busy.area / capacity.area) : 0;

/** A resource (lanes, scanners, bays): how many are busy and how many are in service, over time. */
export function resource(warm: number, inService: number) {
  const r = { busy: new Level(warm), cap: new Level(warm) };
  r.cap.set(0, inService);
  return r;
}
