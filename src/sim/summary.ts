/**
 * Streaming statistics: a running mean and a geometric histogram (bins 0.1% apart), so
 * percentiles cost constant memory however long the run.
 */
const FLOOR = 1e-3;
const GROWTH = Math.log1p(1e-3);
const BINS = 25_000; // FLOOR * 1.001^25000 ~ 7e7 minutes: beyond every crossing

/**
 * The bins in chunks of 1,024, each allocated at its first value: a replication fills a few
 * hundred bins in a few chunks, and dozens of whole 200 KB arrays per replication (zeroed, and
 * each a large allocation the collector tracks) were most of a short replication's time.
 */
const CHUNK = 1024;
const CHUNKS = Math.ceil((BINS + 1) / CHUNK);
const binOf = (x: number) => (x <= FLOOR ? 0 : Math.min(BINS, 1 + Math.floor(Math.log(x / FLOOR) / GROWTH)));

export class Summary {
  count = 0;
  sum = 0;
  max = 0;
  /** CHUNKS chunks of the histogram, null until a value falls in one (structured cloning keeps them) */
  chunks: (Float64Array | null)[] = [];

  add(x: number): void {
    this.addAt(x, binOf(x));
  }

  /** Adds x to two summaries (a truck's channel and its class), finding its bin once. */
  static addBoth(a: Summary, b: Summary, x: number): void {
    const i = binOf(x);
    a.addAt(x, i);
    b.addAt(x, i);
  }

  private chunk(c: number): Float64Array {
    if (this.chunks.length === 0) this.chunks = new Array(CHUNKS).fill(null);
    let chunk = this.chunks[c];
    if (!chunk) {
      chunk = new Float64Array(CHUNK);
      this.chunks[c] = chunk;
    }
    return chunk;
  }

  private addAt(x: number, i: number): void {
    this.count++;
    this.sum += x;
    if (x > this.max) this.max = x;
    const chunk = this.chunk((i / CHUNK) | 0);
    chunk[i % CHUNK] = (chunk[i % CHUNK] as number) + 1;
  }

  /** The whole histogram, BINS + 1 counts (empty when nothing was added). */
  get bins(): Float64Array {
    if (this.chunks.length === 0) return new Float64Array(0);
    const all = new Float64Array(BINS + 1);
    this.chunks.forEach((chunk, c) => {
      if (chunk) all.set(chunk.subarray(0, Math.min(CHUNK, BINS + 1 - c * CHUNK)), c * CHUNK);
    });
    return all;
  }

  /** A Summary again from its fields (after structured cloning, which drops the class). */
  static revive(plain: Pick<Summary, "count" | "sum" | "max" | "chunks">): Summary {
    const s = new Summary();
    s.count = plain.count;
    s.sum = plain.sum;
    s.max = plain.max;
    s.chunks = plain.chunks.map((c) => (c ? Float64Array.from(c) : null));
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
    for (const [i, n] of plain.bins) {
      const chunk = s.chunk((i / CHUNK) | 0);
      chunk[i % CHUNK] = n;
    }
    return s;
  }

  merge(other: Summary): void {
    if (other.chunks.length === 0) return;
    this.count += other.count;
    this.sum += other.sum;
    if (other.max > this.max) this.max = other.max;
    for (let c = 0; c < CHUNKS; c++) {
      const from = other.chunks[c];
      if (!from) continue;
      const to = this.chunk(c);
      for (let i = 0; i < CHUNK; i++) to[i] = (to[i] as number) + (from[i] as number);
    }
  }

  get mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  /** The bin's geometric middle: within 0.05% of the true quantile. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = q * this.count;
    let seen = 0;
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c];
      if (!chunk) continue;
      for (let j = 0; j < CHUNK; j++) {
        seen += chunk[j] as number;
        if (seen >= rank && seen > 0) {
          const i = c * CHUNK + j;
          if (i === 0) return 0;
          return Math.min(this.max, FLOOR * Math.exp((i - 0.5) * GROWTH));
        }
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
