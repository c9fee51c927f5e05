/**
 * One replication of a scenario: trucks arrive, queue by the live queue discipline, pass the
 * document lanes, then a scanner (yellow) or a bay (red), and leave. Every step of every truck
 * is decided by the crossing machine (compiled to a table). Pure: no I/O, no real clock; the
 * seed comes in with the scenario. Clock in minutes; events to the machine carry milliseconds.
 */

import type { CrossingEvent, PriorityClass } from "../../machines/types.ts";
import { ECHERHA_CYCLE } from "../domain/checkpoint.ts";
import { pickClass, queueClass } from "../domain/queue.ts";
import { type Sampler, sampler } from "./distributions.ts";
import { EventHeap } from "./heap.ts";
import { compileMachine, execute, type TransitionTable } from "./machine-table.ts";
import { Fifo, Level, resource, utilisation } from "./queues.ts";
import { resourcesAt } from "./resources.ts";
import { type HourRecord, hourRecords, type RunResult, type TruckRecord } from "./run-result.ts";
import type { Scenario } from "./scenario.ts";
import {
  ARRIVAL,
  BOOKED_ARRIVAL,
  DOC_END,
  HOUR,
  INSPECTION_END,
  MISS_END,
  NEIGHBOUR_END,
  SCAN_END,
  SLOT,
  scratchEvents,
  TRACE_ARRIVAL,
  UNMANNED_END,
} from "./sim-events.ts";
import { streams } from "./streams.ts";
import { Summary } from "./summary.ts";
import type { TraceRow } from "./trace.ts";
import { leaveStage, STAGES, type Stage, type Truck, TruckPool } from "./truck.ts";
import { truckRecord } from "./truck-record.ts";

const MS = 60_000;
/** eCherha's cycle (../shared/domain.md): priority trucks go ahead without starving the rest. */
export const DEFAULT_CYCLE: readonly PriorityClass[] = ECHERHA_CYCLE;

/** Compiled once per process: the machine's definition does not change while it runs. */
const compiled: TransitionTable = compileMachine();

/** `trace`: a trace replay's rows. `onTruck` (`--csv`) sees each counted truck leave; off by default. */
export function runReplication(
  scenario: Scenario,
  seed: number,
  trace?: readonly TraceRow[],
  onTruck?: (record: TruckRecord) => void,
): RunResult {
  if (scenario.arrivals.kind === "trace" && !trace)
    throw new Error("arrivals.file: the trace was not loaded");
  const table = compiled;
  const rand = streams(seed);
  const end = scenario.hours * 60;
  const warm = scenario.warmupHours * 60;
  const cycle = scenario.queueCycle ?? DEFAULT_CYCLE;
  const docTime = sampler(scenario.serviceMinutes.documentCheck, rand.documentCheck);
  const scanTime = sampler(scenario.serviceMinutes.scan, rand.scan);
  const bayTime = sampler(scenario.serviceMinutes.physicalInspection, rand.physicalInspection);
  const hold = scenario.hold;
  const holdTime: Sampler | null = hold ? sampler(hold.minutes, rand.holdMinutes) : null;
  const auto = scenario.greenAutoRelease?.enabled ? scenario.greenAutoRelease : null;
  const autoTime: Sampler | null = auto ? sampler(auto.minutes, rand.unmannedMinutes) : null;
  const missRate = scenario.missedCallRate ?? 0;
  const { green, yellow } = scenario.channels;
  const neighbourGap = scenario.neighbourAcceptsPerDay ? 1440 / scenario.neighbourAcceptsPerDay : 0;

  const heap = new EventHeap();
  const pool = new TruckPool();
  const waiting = new Map<PriorityClass, Fifo<Truck>>(cycle.map((c) => [c, new Fifo<Truck>()]));
  waiting.set("ordinary", waiting.get("ordinary") ?? new Fifo<Truck>());
  const scanQueue = new Fifo<Truck>();
  const bayQueue = new Fifo<Truck>();
  const neighbourQueue = new Fifo<Truck>();
  let neighbourBusy = false;
  let cyclePlace = 0;
  let waitingCount = 0;

  let cap = resourcesAt(scenario, 0);
  const lanes = resource(warm, cap.documentLanes);
  const scanners = resource(warm, cap.scanners);
  const bays = resource(warm, cap.inspectionBays);
  const queue = new Level(warm);

  const wait = new Summary();
  const timeInSystem = new Summary();
  const stages = Object.fromEntries(STAGES.map((s) => [s, new Summary()])) as Record<Stage, Summary>;
  const hourly = hourRecords(warm, end);
  const hourAt = (now: number) => hourly[Math.floor(now / 60) - Math.floor(warm / 60)];
  let arrived = 0;
  let nextId = 0;
  let completed = 0;
  let steps = 0;
  let events = 0;
  let now = 0;

  const ev = scratchEvents((scenario.graceHours ?? 24) * 60);
  const callDeadline = scenario.callDeadlineMinutes ?? 15;

  /** Asks the machine, which also changes the truck's context as its assignments say. */
  function step(t: Truck, e: CrossingEvent): void {
    e.at = now * MS;
    const next = execute(table, t.state, t.context, e);
    if (next === undefined) throw new Error(`machine refused ${e.type} in ${t.state} (truck ${t.id})`);
    steps++;
    if (next !== t.state) {
      leaveStage(t, now);
      t.state = next;
      t.enteredAt = now;
    }
  }

  function arrive(booked: boolean, row?: TraceRow): void {
    const t = pool.take(nextId++, now);
    const c = t.context;
    // The channel and priority come from their own streams, drawn for every truck.
    const u = rand.channel();
    c.channel = u < green ? "green" : u < green + yellow ? "yellow" : "red";
    c.priority = rand.priority() < scenario.priorityShare ? "transit" : "ordinary";
    c.plate = "SIM";
    if (row) {
      c.channel = row.channel;
      c.priority = row.priority ? "transit" : "ordinary";
      c.plate = row.plate;
      t.given.documentCheck = row.documentCheckMinutes;
      t.given.scan = row.scanMinutes;
      t.given.physicalInspection = row.physicalInspectionMinutes;
    }
    const unmanned = rand.unmanned();
    t.arrivedAt = now;
    t.enteredAt = now;
    t.counted = now >= warm;
    if (t.counted) {
      arrived++;
      const h = hourAt(now);
      if (h) h.arrivals++;
    }
    if (booked) {
      ev.BOOK.slot = { start: now * MS, end: (now + 1) * MS };
      step(t, ev.BOOK);
    }
    step(t, ev.CHECK_IN);
    if (auto && c.channel === "green" && unmanned < auto.share) {
      ev.UNMANNED_RELEASE.plateRead = c.plate;
      heap.push(now + (autoTime as Sampler)(), UNMANNED_END, t.slot);
      return;
    }
    const q = waiting.get(queueClass(c.priority, cycle)) as Fifo<Truck>;
    q.push(t);
    queue.set(now, ++waitingCount);
    callNext();
  }

  const hasWaiting = (cls: PriorityClass) => (waiting.get(cls)?.length ?? 0) > 0;
  function callNext(): void {
    while (lanes.busy.value < lanes.cap.value && waitingCount > 0) {
      const pick = pickClass(hasWaiting, cycle, cyclePlace);
      const cls = pick ? pick.cls : "ordinary";
      if (pick) cyclePlace = pick.nextPosition;
      const t = (waiting.get(cls) as Fifo<Truck>).shift();
      queue.set(now, --waitingCount);
      ev.CALL.deadline = (now + callDeadline) * MS;
      step(t, ev.CALL);
      if (missRate > 0 && rand.hold() < missRate) {
        // The truck will not come: its lane waits for it until the deadline (MISS_END), as live.
        lanes.busy.set(now, lanes.busy.value + 1);
        heap.push(now + callDeadline, MISS_END, t.slot);
        continue;
      }
      if (t.counted) {
        const w = now - t.arrivedAt;
        wait.add(w);
        const h = hourAt(now);
        if (h) {
          h.waitSum += w;
          h.waitCount++;
        }
      }
      t.calledAt = now;
      step(t, ev.ARRIVE_AT_LANE);
      lanes.busy.set(now, lanes.busy.value + 1);
      let service = Number.isNaN(t.given.documentCheck) ? docTime() : t.given.documentCheck;
      if (hold && rand.hold() < hold.probability) {
        // Held for documents at the lane; the lane waits with the truck (the officer keeps the file).
        t.holdMinutes = (holdTime as Sampler)();
        service += t.holdMinutes;
      } else t.holdMinutes = 0;
      heap.push(now + service, DOC_END, t.slot);
    }
  }

  function startScan(): void {
    while (scanners.busy.value < scanners.cap.value && scanQueue.length > 0) {
      const t = scanQueue.shift();
      scanners.busy.set(now, scanners.busy.value + 1);
      heap.push(now + (Number.isNaN(t.given.scan) ? scanTime() : t.given.scan), SCAN_END, t.slot);
    }
  }

  function startBay(): void {
    while (bays.busy.value < bays.cap.value && bayQueue.length > 0) {
      const t = bayQueue.shift();
      bays.busy.set(now, bays.busy.value + 1);
      heap.push(
        now + (Number.isNaN(t.given.physicalInspection) ? bayTime() : t.given.physicalInspection),
        INSPECTION_END,
        t.slot,
      );
    }
  }

  function release(t: Truck): void {
    step(t, ev.RELEASE);
    if (neighbourGap > 0) {
      neighbourQueue.push(t);
      startNeighbour();
    } else finish(t, true);
  }

  /** The neighbour's side accepts one truck per 1440/N minutes: the last stage of the crossing. */
  function startNeighbour(): void {
    if (neighbourBusy || neighbourQueue.length === 0) return;
    neighbourBusy = true;
    heap.push(now + neighbourGap, NEIGHBOUR_END, neighbourQueue.shift().slot);
  }

  function finish(t: Truck, released: boolean): void {
    if (t.counted && onTruck) onTruck(truckRecord(t, now, released));
    if (t.counted && released) {
      completed++;
      const h = hourAt(now);
      if (h) h.completed++;
      timeInSystem.add(now - t.arrivedAt);
      for (let i = 0; i < STAGES.length; i++) {
        const m = t.stage[i] as number;
        if (!Number.isNaN(m)) stages[STAGES[i] as Stage].add(m);
      }
    }
    pool.give(t);
  }

  // Arrival process.
  const arrivals = scenario.arrivals;
  const exp = (mean: number) => -mean * Math.log(1 - rand.arrivals());
  if (arrivals.kind === "poisson") heap.push(exp(60 / arrivals.perHour), ARRIVAL, 0);
  let peak = 0;
  if (arrivals.kind === "profile") {
    const f = arrivals.weekdayFactors ?? [1];
    peak = Math.max(...arrivals.perHour) * Math.max(...f);
    if (peak > 0) heap.push(exp(60 / peak), ARRIVAL, 0);
  }
  if (arrivals.kind === "booked") heap.push(0, SLOT, 0);
  if (arrivals.kind === "trace" && trace)
    for (let i = 0; i < trace.length; i++) heap.push((trace[i] as TraceRow).arrival, TRACE_ARRIVAL, i);
  for (let h = 1; h * 60 < end; h++) heap.push(h * 60, HOUR, h);

  while (heap.pop()) {
    now = heap.time;
    if (now >= end) break;
    events++;
    const t = pool.all[heap.subject] as Truck;
    switch (heap.kind) {
      case ARRIVAL:
        if (arrivals.kind === "poisson") {
          arrive(false);
          heap.push(now + exp(60 / arrivals.perHour), ARRIVAL, 0);
        } else if (arrivals.kind === "profile") {
          // Thinning: a non-homogeneous Poisson process under the peak rate.
          const hour = Math.floor(now / 60);
          const rate =
            (arrivals.perHour[hour % 24] as number) *
            ((arrivals.weekdayFactors ?? [1])[
              Math.floor(hour / 24) % (arrivals.weekdayFactors?.length ?? 1)
            ] as number);
          if (rand.arrivals() * peak < rate) arrive(false);
          heap.push(now + exp(60 / peak), ARRIVAL, 0);
        }
        break;
      case SLOT:
        if (arrivals.kind === "booked") {
          const n = Math.round(arrivals.capacityPerSlot * arrivals.fill);
          for (let i = 0; i < n; i++) {
            const show = rand.arrivals() >= arrivals.noShowRate;
            const at =
              now +
              rand.arrivals() * arrivals.slotMinutes +
              (2 * rand.arrivals() - 1) * arrivals.jitterMinutes;
            if (show) heap.push(Math.max(now, at), BOOKED_ARRIVAL, 0);
          }
          heap.push(now + arrivals.slotMinutes, SLOT, 0);
        }
        break;
      case BOOKED_ARRIVAL:
        arrive(true);
        break;
      case TRACE_ARRIVAL:
        arrive(false, trace?.[heap.subject]);
        break;
      case DOC_END:
        if (t.holdMinutes > 0) {
          // The hold sits inside the lane's time; stage clocks split it out.
          const saved = now;
          now -= t.holdMinutes;
          step(t, ev.HOLD);
          now = saved;
          step(t, ev.RESUME);
        }
        step(t, ev.RECORD_DOCUMENT_CHECK);
        lanes.busy.set(now, lanes.busy.value - 1);
        if (t.context.channel === "green") release(t);
        else if (t.context.channel === "yellow") {
          step(t, ev.SEND_TO_SCAN);
          scanQueue.push(t);
          startScan();
        } else {
          step(t, ev.SEND_TO_INSPECTION);
          bayQueue.push(t);
          startBay();
        }
        callNext();
        break;
      case MISS_END:
        // The machine's rule decides: back to the queue the first time, expired the second.
        step(t, ev.MISS_CALL);
        lanes.busy.set(now, lanes.busy.value - 1);
        if (t.state === "waitingArea") {
          (waiting.get(queueClass(t.context.priority, cycle)) as Fifo<Truck>).push(t);
          queue.set(now, ++waitingCount);
        } else finish(t, false);
        callNext();
        break;
      case SCAN_END:
        step(t, ev.RECORD_SCAN);
        scanners.busy.set(now, scanners.busy.value - 1);
        release(t);
        startScan();
        break;
      case INSPECTION_END:
        step(t, ev.RECORD_INSPECTION);
        bays.busy.set(now, bays.busy.value - 1);
        release(t);
        startBay();
        break;
      case UNMANNED_END:
        ev.UNMANNED_RELEASE.plateRead = t.context.plate;
        step(t, ev.UNMANNED_RELEASE);
        if (neighbourGap > 0) {
          neighbourQueue.push(t);
          startNeighbour();
        } else finish(t, true);
        break;
      case NEIGHBOUR_END:
        neighbourBusy = false;
        finish(t, true);
        startNeighbour();
        break;
      case HOUR: {
        queue.set(now, queue.value);
        const h = hourAt(now - 1);
        if (h) h.queueArea = queue.area;
        cap = resourcesAt(scenario, heap.subject % 24);
        lanes.cap.set(now, cap.documentLanes);
        scanners.cap.set(now, cap.scanners);
        bays.cap.set(now, cap.inspectionBays);
        callNext();
        startScan();
        startBay();
        break;
      }
    }
  }
  now = end;
  for (const l of [lanes.busy, lanes.cap, scanners.busy, scanners.cap, bays.busy, bays.cap, queue])
    l.set(end, l.value);
  const last = hourly.at(-1);
  if (last) last.queueArea = queue.area;
  // Hourly queue areas were cumulative; turn them into each hour's own mean.
  for (let i = hourly.length - 1; i > 0; i--)
    (hourly[i] as HourRecord).queueArea -= (hourly[i - 1] as HourRecord).queueArea;
  const span = end - warm;
  return {
    trucksArrived: arrived,
    trucksCompleted: completed,
    minutes: span,
    wait,
    timeInSystem,
    stages,
    utilisation: {
      documentLanes: utilisation(lanes.busy, lanes.cap),
      scanners: utilisation(scanners.busy, scanners.cap),
      inspectionBays: utilisation(bays.busy, bays.cap),
    },
    queueLength: { mean: span > 0 ? queue.area / span : 0, max: queue.max },
    hourly,
    eventsProcessed: events,
    machineSteps: steps,
  };
}
