/**
 * A pace-setter in front of a queue: it lets one truck through every 1440/N minutes, N a day's
 * rate that may change by day. The e-queue's daily limit and the neighbour's acceptance are both
 * pacers: capacity nobody used is lost, as a slot nobody booked is. A rate of 0 holds everyone
 * until the next day; an infinite rate lets everyone through at once.
 */
import { Fifo } from "./queues.ts";
import type { Truck } from "./truck.ts";

export class Pacer {
  readonly queue = new Fifo<Truck>();
  /** when the next truck may go */
  private freeAt = 0;
  private woken = false;

  constructor(
    /** trucks a day at a minute */
    private readonly rateAt: (minute: number) => number,
    /** asks for pump() to be called again at that minute */
    private readonly wakeAt: (minute: number) => void,
    /** lets a truck through */
    private readonly go: (t: Truck, now: number) => void,
  ) {}

  offer(t: Truck, now: number): void {
    this.queue.push(t);
    this.pump(now);
  }

  /** The wake-up asked for has come. */
  wake(now: number): void {
    this.woken = false;
    this.pump(now);
  }

  private pump(now: number): void {
    while (this.queue.length > 0) {
      if (now < this.freeAt) {
        if (!this.woken) {
          this.woken = true;
          this.wakeAt(this.freeAt);
        }
        return;
      }
      const rate = this.rateAt(now);
      if (rate === 0) {
        this.freeAt = (Math.floor(now / 1440) + 1) * 1440;
        continue;
      }
      if (rate !== Number.POSITIVE_INFINITY) this.freeAt = now + 1440 / rate;
      this.go(this.queue.shift(), now);
    }
  }
}
