/**
 * What the model notes about each truck beyond the machine's context, by pool slot: when it reached
 * the border and came through the gate, when it joined a scanner's or a bay's queue, and how it
 * goes. Typed arrays that grow with the pool, so millions of trucks cost no objects.
 */
export class TruckMarks {
  borderAt = new Float64Array(1024);
  admittedAt = new Float64Array(1024);
  queuedAt = new Float64Array(1024);
  booked = new Uint8Array(1024);
  unmanned = new Uint8Array(1024);
  /** issue 22: no driver; it goes through the Smart Customs AGV lane's gate */
  driverless = new Uint8Array(1024);
  alive = new Uint8Array(1024);

  /** A new truck in this slot: nothing noted yet. */
  reset(slot: number): void {
    if (slot >= this.alive.length) this.grow(Math.max(slot + 1, this.alive.length * 2));
    this.borderAt[slot] = Number.NaN;
    this.admittedAt[slot] = Number.NaN;
    this.queuedAt[slot] = Number.NaN;
    this.booked[slot] = 0;
    this.unmanned[slot] = 0;
    this.driverless[slot] = 0;
    this.alive[slot] = 1;
  }

  private grow(n: number): void {
    const f = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const u = (a: Uint8Array) => {
      const b = new Uint8Array(n);
      b.set(a);
      return b;
    };
    this.borderAt = f(this.borderAt);
    this.admittedAt = f(this.admittedAt);
    this.queuedAt = f(this.queuedAt);
    this.booked = u(this.booked);
    this.unmanned = u(this.unmanned);
    this.driverless = u(this.driverless);
    this.alive = u(this.alive);
  }
}
