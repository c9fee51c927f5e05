/**
 * What a replication counts as its trucks move (model.ts): arrivals, exits, refusals and expiries,
 * the waits before the gate and for a lane, and a released truck's times per stage, each kept for
 * its channel, its priority class and its hour. Only trucks that arrived after the warm-up count.
 */
import type { Channel, PriorityClass } from "../../machines/types.ts";
import { CHANNELS, PRIORITY_CLASSES } from "../../machines/types.ts";
import type { Level } from "./queues.ts";
import { hourRecords, REPORT_STAGES, RESOURCES, type ReportStage } from "./run-result.ts";
import { Summary } from "./summary.ts";
import { type Tally, tally } from "./tally.ts";
import { STAGES, type Truck } from "./truck.ts";
import type { TruckMarks } from "./truck-marks.ts";

const summaries = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, new Summary()])) as Record<K, Summary>;
const tallies = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, tally()])) as Record<K, Tally>;

export class ReplicationCounts {
  arrived = 0;
  completed = 0;
  exited = 0;
  refused = 0;
  expired = 0;
  readonly virtualWait = new Summary();
  readonly stillInside = new Summary();
  readonly stages = summaries(REPORT_STAGES);
  readonly resourceWait = summaries(RESOURCES);
  readonly resourceService = summaries(RESOURCES);
  readonly byChannel = tallies(CHANNELS);
  readonly byClass = tallies(PRIORITY_CLASSES);
  readonly hourly;

  constructor(
    private readonly warm: number,
    end: number,
    private readonly marks: TruckMarks,
  ) {
    this.hourly = hourRecords(warm, end);
  }

  hourAt(now: number) {
    return this.hourly[Math.floor(now / 60) - Math.floor(this.warm / 60)];
  }

  /** The hour ending at `now`: the queues' integrals so far (brought up to `now`) and who is still in. */
  endHour(
    now: number,
    levels: { queue: Level; gateQueue: Level; virtualQueue: Level },
    inSystem: number,
  ): void {
    for (const l of [levels.queue, levels.gateQueue, levels.virtualQueue]) l.set(now, l.value);
    const h = this.hourAt(now - 1);
    if (!h) return;
    h.queueArea = levels.queue.area;
    h.gateQueueArea = levels.gateQueue.area;
    h.virtualQueueArea = levels.virtualQueue.area;
    h.inSystemAtEnd = inSystem;
  }

  // a truck's two groups; the headline figures are their merge at the end, so each time is added twice, not thrice
  private channelOf(t: Truck): Tally {
    return this.byChannel[t.context.channel as Channel];
  }
  private priorityOf(t: Truck): Tally {
    return this.byClass[t.context.priority as PriorityClass];
  }

  /** A counted truck asked to cross (not one of the backlog at the start). */
  arrival(t: Truck, now: number): void {
    this.arrived++;
    this.channelOf(t).arrived++;
    this.priorityOf(t).arrived++;
    const h = this.hourAt(now);
    if (h) h.arrivals++;
  }

  /** A counted truck came through the gate after waiting `w` minutes before it. */
  gateWait(t: Truck, w: number): void {
    Summary.addBoth(this.channelOf(t).gateWait, this.priorityOf(t).gateWait, w);
  }

  /** A counted truck was called to a lane after waiting `w` minutes inside. */
  laneWait(t: Truck, now: number, w: number): void {
    Summary.addBoth(this.channelOf(t).wait, this.priorityOf(t).wait, w);
    const h = this.hourAt(now);
    if (h) {
      h.waitSum += w;
      h.waitCount++;
    }
  }

  /** A truck leaves the checkpoint: released to the neighbour, refused, or expired. */
  finished(t: Truck, now: number, outcome: "released" | "refused" | "expired"): void {
    const released = outcome === "released";
    if (now >= this.warm) {
      if (released) {
        this.exited++;
        const h = this.hourAt(now);
        if (h) h.exits++;
      } else if (outcome === "refused") this.refused++;
      else this.expired++;
    }
    if (!t.counted) return;
    const ch = this.channelOf(t);
    const cl = this.priorityOf(t);
    if (!released) {
      ch.left++;
      cl.left++;
      return;
    }
    this.completed++;
    const h = this.hourAt(now);
    if (h) h.completed++;
    const s = t.slot;
    const marks = this.marks;
    const admitted = marks.admittedAt[s] as number;
    const total = now - (marks.borderAt[s] as number);
    const trs = now - admitted;
    ch.completed++;
    cl.completed++;
    Summary.addBoth(ch.timeInSystem, cl.timeInSystem, total);
    Summary.addBoth(ch.entryToRelease, cl.entryToRelease, trs);
    this.stages.gateQueue.add(admitted - (marks.borderAt[s] as number));
    if (marks.unmanned[s]) this.stages.unmannedLane.add(trs);
    for (let i = 0; i < STAGES.length; i++) {
      const m = t.stage[i] as number;
      if (!Number.isNaN(m)) this.stages[STAGES[i] as ReportStage].add(m);
    }
  }
}
