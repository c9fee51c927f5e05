/**
 * What a sweep keeps of one replication: the figures its table reports, small enough to store one
 * row per replication (the wait's histogram kept sparse: a few hundred bins of the 25,001). Pure.
 */
import type { RunResult } from "../sim/run-result.ts";

export interface ReplicationOutcome {
  trucksArrived: number;
  trucksCompleted: number;
  /** trucks that left for the neighbour in the measured period: the throughput, as the simulator's report counts it */
  trucksExited: number;
  minutes: number;
  /** the replication's wait (arrival to the call to a lane), as the simulator's Summary holds it */
  wait: { count: number; sum: number; max: number; bins: [number, number][] };
  utilisation: { documentLanes: number; scanners: number; inspectionBays: number };
}

export function outcomeOf(r: RunResult): ReplicationOutcome {
  const bins: [number, number][] = [];
  r.wait.bins.forEach((n, i) => {
    if (n !== 0) bins.push([i, n]);
  });
  const u = r.utilisation;
  return {
    trucksArrived: r.trucksArrived,
    trucksCompleted: r.trucksCompleted,
    trucksExited: r.trucksExited,
    minutes: r.minutes,
    wait: { count: r.wait.count, sum: r.wait.sum, max: r.wait.max, bins },
    utilisation: { documentLanes: u.documentLanes, scanners: u.scanners, inspectionBays: u.inspectionBays },
  };
}
