/**
 * Streaming statistics: a running mean and a geometric histogram (bins 0.1% apart), so
 * percentiles cost constant memory however long the run.
 */
const FLOOR = 1e-3;
const GROWTH = Math.log1p(1e-3);
const BINS = 25_000; // FLOOR * 1.001^25000 ~ 7e7 minutes: beyond every crossing

const NO_BINS = new Float64Array(0);
const binOf = (x: number) => (x <= FLOOR ? 0 : Math.min(BINS, 1 + Math.floor(Math.log(x / FLOOR) / GROWTH)));

export class Summary {
  count = 0;
  sum = 0;
  max = 0;
  /** allocated at the first value: a group no truck is in (a class nobody has) costs nothing */
  bins: Float64Array = NO_BINS;

  add(x: number): void {
    this.addAt(x, binOf(x));
  }

  /** Adds x to two summaries (a truck's channel and its class), finding its bin once. */
  static addBoth(a: Summary, b: Summary, x: number): void {
    const i = binOf(x);
    a.addAt(x, i);
    b.addAt(x, i);
  }

  private addAt(x: number, i: number): void {
    if (this.bins.length === 0) this.bins = new Float64Array(BINS + 1);
    this.count++;
    this.sum += x;
    if (x > this.max) this.max = x;
    this.bins[i] = (this.bins[i] as number) + 1;
  }

  /** A Summary again from its fields (after structured cloning, which drops the class). */
  static revive(plain: Pick<Summary, "count" | "sum" | "max" | "bins">): Summary {
    const s = new Summary();
    s.count = plain.count;
    s.sum = plain.sum;
    s.max = plain.max;
    if (plain.bins.length > 0) s.bins = Float64Array.from(plain.bins);
    return s;
  }

  /** A Summary from a histogram kept sparse ([bin, count] pairs), as a sweep stores each replication. */
  static fromSparse(plain: {
    count: number;
    sum: number;
    max: number;
    bins: readonly (readonly [number, number])[];
  }): Summary {
    const s = new Summary();
    s.count = plain.count;
    s.sum = plain.sum;
    s.max = plain.max;
    if (plain.bins.length > 0) {
      s.bins = new Float64Array(BINS + 1);
      for (const [i, n] of plain.bins) s.bins[i] = n;
    }
    return s;
  }

  merge(other: Summary): void {
    if (other.bins.length === 0) return;
    if (this.bins.length === 0) this.bins = new Float64Array(BINS + 1);
    this.count += other.count;
    this.sum += other.sum;
    if (other.max > this.max) this.max = other.max;
    for (let i = 0; i <= BINS; i++) this.bins[i] = (this.bins[i] as number) + (other.bins[i] as number);
  }

  get mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  /** The bin's geometric middle: within 0.05% of the true quantile. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = q * this.count;
    let seen = 0;
    for (let i = 0; i <= BINS; i++) {
      seen += this.bins[i] as number;
      if (seen >= rank && seen > 0) {
        if (i === 0) return 0;
        return Math.min(this.max, FLOOR * Math.exp((i - 0.5) * GROWTH));
      }
    }
    return this.max;
  }
}

/** A distribution's figures; with no trucks, count 0 and every figure null ("no trucks", not 0 minutes). */
export interface MinutesSummary {
  count: number;
  mean: number | null;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  ci95?: [number, number];
}

/** Six significant figures: a wait of 0.006 min stays readable, a week stays to the minute. */
const round = (x: number) => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(6)));

export function describe(s: Summary): MinutesSummary {
  if (s.count === 0) return { count: 0, mean: null, p50: null, p90: null, p95: null, p99: null, max: null };
  return {
    count: s.count,
    mean: round(s.mean),
    p50: round(s.quantile(0.5)),
    p90: round(s.quantile(0.9)),
    p95: round(s.quantile(0.95)),
    p99: round(s.quantile(0.99)),
    max: round(s.max),
  };
}

/** Two-sided 97.5% Student t quantiles for 1..30 degrees of freedom; normal beyond. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function ci95(values: readonly number[]): [number, number] {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const half = (T975[n - 2] ?? 1.96) * Math.sqrt(variance / n);
  return [round(mean - half), round(mean + half)];
}
export { round };
