/**
 * The event list: a binary min-heap on (time, sequence) in parallel arrays, so the engine
 * allocates nothing per event. The sequence number breaks ties in scheduling order, which
 * keeps runs byte-identical for a seed.
 */
export class EventHeap {
  private times: number[] = [];
  private seqs: number[] = [];
  private kinds: number[] = [];
  private subjects: number[] = [];
  private seq = 0;
  size = 0;

  push(time: number, kind: number, subject: number): void {
    let i = this.size++;
    const seq = this.seq++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = this.times[parent] as number;
      if (pt < time || (pt === time && (this.seqs[parent] as number) < seq)) break;
      this.move(parent, i);
      i = parent;
    }
    this.set(i, time, seq, kind, subject);
  }

  /** Removes the earliest event; read it from `time`, `kind`, `subject` afterwards. */
  time = 0;
  kind = 0;
  subject = 0;
  pop(): boolean {
    if (this.size === 0) return false;
    this.time = this.times[0] as number;
    this.kind = this.kinds[0] as number;
    this.subject = this.subjects[0] as number;
    const last = --this.size;
    if (last === 0) return true;
    const t = this.times[last] as number;
    const s = this.seqs[last] as number;
    const k = this.kinds[last] as number;
    const sub = this.subjects[last] as number;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      let child = left;
      if (right < last && this.before(right, left)) child = right;
      const ct = this.times[child] as number;
      if (t < ct || (t === ct && s < (this.seqs[child] as number))) break;
      this.move(child, i);
      i = child;
    }
    this.set(i, t, s, k, sub);
    return true;
  }

  private before(a: number, b: number): boolean {
    const ta = this.times[a] as number;
    const tb = this.times[b] as number;
    return ta < tb || (ta === tb && (this.seqs[a] as number) < (this.seqs[b] as number));
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from] as number;
    this.seqs[to] = this.seqs[from] as number;
    this.kinds[to] = this.kinds[from] as number;
    this.subjects[to] = this.subjects[from] as number;
  }

  private set(i: number, time: number, seq: number, kind: number, subject: number): void {
    this.times[i] = time;
    this.seqs[i] = seq;
    this.kinds[i] = kind;
    this.subjects[i] = subject;
  }
}
