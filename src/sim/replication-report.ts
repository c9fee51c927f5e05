/**
 * What a replication reports, once its clock has reached the end: the levels closed at the end,
 * each hour's own queue areas, the trucks still inside, and the figures of run-result.ts. Reads what
 * the replication counted (replication-counts.ts) and measured (model.ts), and changes only those
 * measures' closing entries.
 */
import { CHANNELS } from "../../machines/types.ts";
import type { AgvRun } from "./agv-lane.ts";
import type { Level } from "./queues.ts";
import { utilisation } from "./queues.ts";
import type { ReplicationCounts } from "./replication-counts.ts";
import type { HourRecord, Resource, RunResult } from "./run-result.ts";
import { Summary } from "./summary.ts";
import type { Tally } from "./tally.ts";
import type { TruckPool } from "./truck.ts";
import type { TruckMarks } from "./truck-marks.ts";

type Busy = { busy: Level; cap: Level };

export interface Measures {
  end: number;
  warm: number;
  /** what was counted as the trucks moved */
  counted: ReplicationCounts;
  counts: {
    insideAtStart: number;
    /** trucks past the gate and not yet gone */
    inside: number;
    events: number;
    steps: number;
  };
  lanes: Busy;
  scanners: Busy;
  bays: Busy;
  queue: Level;
  gateLevel: Level;
  virtualLevel: Level;
  pool: TruckPool;
  marks: TruckMarks;
  agv: { figures(end: number): AgvRun } | null;
}

export function replicationReport(m: Measures): RunResult {
  const { end, warm, counts, counted: c, lanes, scanners, bays, queue, gateLevel, virtualLevel } = m;
  const { hourly } = c;
  const inSystem = () => virtualLevel.value + gateLevel.value + counts.inside;
  const levels = [
    lanes.busy,
    lanes.cap,
    scanners.busy,
    scanners.cap,
    bays.busy,
    bays.cap,
    queue,
    gateLevel,
    virtualLevel,
  ];
  for (const l of levels) l.set(end, l.value);
  // the last hour ends with the run
  c.endHour(end, { queue, gateQueue: gateLevel, virtualQueue: virtualLevel }, inSystem());
  // Hourly areas were cumulative; turn them into each hour's own.
  for (let i = hourly.length - 1; i > 0; i--) {
    const h = hourly[i] as HourRecord;
    const before = hourly[i - 1] as HourRecord;
    h.queueArea -= before.queueArea;
    h.gateQueueArea -= before.gateQueueArea;
    h.virtualQueueArea -= before.virtualQueueArea;
  }
  // the counted trucks still there: how long they had been at the border so far (a lower bound on their time)
  const { pool, marks } = m;
  for (let s = 0; s < pool.all.length; s++) {
    const t = pool.all[s];
    if (t && marks.alive[s] && t.counted)
      c.stillInside.add(
        end - (Number.isNaN(marks.borderAt[s] as number) ? t.arrivedAt : (marks.borderAt[s] as number)),
      );
  }
  const merged = (pick: (g: Tally) => Summary) => {
    const all = new Summary();
    for (const ch of CHANNELS) all.merge(pick(c.byChannel[ch]));
    return all;
  };
  const wait = merged((g) => g.wait);
  // the wait for a lane is the wait in the waiting area
  c.resourceWait.documentLanes = wait;
  const span = end - warm;
  const figures = (l: Level) => ({ mean: span > 0 ? l.area / span : 0, max: l.max, atEnd: l.value });
  return {
    trucksArrived: c.arrived,
    trucksCompleted: c.completed,
    trucksExited: c.exited,
    trucksRefused: c.refused,
    trucksExpired: c.expired,
    trucksInsideAtStart: counts.insideAtStart,
    trucksInsideAtEnd: inSystem(),
    insideAtEnd: { virtualQueue: virtualLevel.value, gateQueue: gateLevel.value, checkpoint: counts.inside },
    stillInside: c.stillInside,
    minutes: span,
    wait,
    timeInSystem: merged((g) => g.timeInSystem),
    gateWait: merged((g) => g.gateWait),
    virtualWait: c.virtualWait,
    entryToRelease: merged((g) => g.entryToRelease),
    stages: c.stages,
    resourceWait: c.resourceWait,
    resourceService: c.resourceService,
    byChannel: c.byChannel,
    byClass: c.byClass,
    utilisation: {
      documentLanes: utilisation(lanes.busy, lanes.cap),
      scanners: utilisation(scanners.busy, scanners.cap),
      inspectionBays: utilisation(bays.busy, bays.cap),
    } satisfies Record<Resource, number>,
    queueLength: { mean: span > 0 ? queue.area / span : 0, max: queue.max },
    gateQueue: figures(gateLevel),
    virtualQueue: figures(virtualLevel),
    hourly,
    eventsProcessed: counts.events,
    machineSteps: counts.steps,
    ...(m.agv ? { agvLane: m.agv.figures(end) } : {}),
  };
}
