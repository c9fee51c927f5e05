/**
 * A station: the scanners (yellow trucks), the inspection bays (red ones, and scans that found
 * something), or the Smart Customs lane's gates (agv-lane.ts). Trucks queue in the order they were
 * sent; each free unit takes the next one for its service time, a replayed trace row's own time when
 * it gives one, and the station's end event brings the truck back to the model (model.ts). Pure, like
 * the model.
 */
import type { Sampler } from "./distributions.ts";
import type { EventHeap } from "./heap.ts";
import { Fifo, type Level, resource } from "./queues.ts";
import type { ReplicationCounts } from "./replication-counts.ts";
import { INSPECTION_END, SCAN_END } from "./sim-events.ts";
import type { Summary } from "./summary.ts";
import type { Truck } from "./truck.ts";
import type { TruckMarks } from "./truck-marks.ts";

export interface StationSetup {
  warm: number;
  /** units in service at the start; the model sets it again every hour */
  inService: number;
  serviceTime: Sampler;
  /** the trace's time for this station, NaN when the truck was drawn, not replayed */
  given: (t: Truck) => number;
  /** the simulator's event that ends a truck's service here */
  endKind: number;
  /** the counted trucks' waits in the queue and service times (ReplicationCounts) */
  wait: Summary;
  service?: Summary;
  /** how many wait, over time, where the report shows the station's own queue */
  queueLevel?: Level;
  marks: TruckMarks;
  heap: EventHeap;
}

export class Station {
  readonly queue = new Fifo<Truck>();
  /** busy units and units in service over time, for the report's utilisation */
  readonly units;

  constructor(private readonly s: StationSetup) {
    this.units = resource(s.warm, s.inService);
  }

  /** Sent here at `now`: queues, and starts at once if a unit is free. */
  enter(t: Truck, now: number): void {
    this.s.marks.queuedAt[t.slot] = now;
    this.queue.push(t);
    this.s.queueLevel?.set(now, this.queue.length);
    this.start(now);
  }

  /** Free units take the next trucks (also after a unit frees, or more come into service). */
  start(now: number): void {
    const { busy, cap } = this.units;
    while (busy.value < cap.value && this.queue.length > 0) {
      const t = this.queue.shift();
      this.s.queueLevel?.set(now, this.queue.length);
      busy.set(now, busy.value + 1);
      const given = this.s.given(t);
      const service = Number.isNaN(given) ? this.s.serviceTime() : given;
      if (t.counted) {
        this.s.wait.add(now - (this.s.marks.queuedAt[t.slot] as number));
        this.s.service?.add(service);
      }
      this.s.heap.push(now + service, this.s.endKind, t.slot);
    }
  }

  /** A unit finished its truck at `now`. */
  free(now: number): void {
    this.units.busy.set(now, this.units.busy.value - 1);
  }
}

/** A replication's scanners and inspection bays, their end events and their counted figures. */
export function inspectionStations(c: {
  warm: number;
  inService: { scanners: number; inspectionBays: number };
  scanTime: Sampler;
  bayTime: Sampler;
  counts: Pick<ReplicationCounts, "resourceWait" | "resourceService">;
  marks: TruckMarks;
  heap: EventHeap;
}) {
  const { warm, marks, heap, counts } = c;
  return {
    scan: new Station({
      warm,
      inService: c.inService.scanners,
      serviceTime: c.scanTime,
      given: (t) => t.given.scan,
      endKind: SCAN_END,
      wait: counts.resourceWait.scanners,
      service: counts.resourceService.scanners,
      marks,
      heap,
    }),
    inspection: new Station({
      warm,
      inService: c.inService.inspectionBays,
      serviceTime: c.bayTime,
      given: (t) => t.given.physicalInspection,
      endKind: INSPECTION_END,
      wait: counts.resourceWait.inspectionBays,
      service: counts.resourceService.inspectionBays,
      marks,
      heap,
    }),
  };
}
