/**
 * One replication of a scenario. A truck asks to cross (arrives); the e-queue's daily limit lets
 * it come to the border or keeps it waiting in the virtual queue; before the gate it waits for the
 * neighbour's side, which takes N trucks a day: the gate lets trucks in at that pace, so a released
 * truck is never stuck between the checkpoint and a neighbour that does not take it. Inside, it
 * queues by the live queue discipline, passes a document lane, then a scanner (yellow) or a bay
 * (red), may be held, escalated or refused, and leaves for the neighbour. Every step of every truck
 * is decided by the crossing machine (compiled to a table). Pure: no I/O, no real clock; the seed
 * comes in with the scenario. Clock in minutes; events to the machine carry milliseconds.
 */

import { compileMachine, execute, type TransitionTable } from "../../machines/table.ts";
import type { CrossingEvent } from "../../machines/types.ts";
import { agvLane } from "./agv-lane.ts";
import { arrivalKind } from "./arrival-kind.ts";
import { arrivalProcess } from "./arrival-process.ts";
import { type Sampler, sampler } from "./distributions.ts";
import { Entrance } from "./entrance.ts";
import { EventHeap } from "./heap.ts";
import { resource } from "./queues.ts";
import { ReplicationCounts } from "./replication-counts.ts";
import { replicationParameters } from "./replication-parameters.ts";
import { replicationReport } from "./replication-report.ts";
import { resourcesAt } from "./resources.ts";
import type { RunResult, TruckRecord } from "./run-result.ts";
import type { Scenario } from "./scenario.ts";
import * as simEvents from "./sim-events.ts";
import { inspectionStations } from "./station.ts";
import { streams, uniformStream } from "./streams.ts";
import type { TraceRow } from "./trace.ts";
import type { Truck } from "./truck.ts";
import * as truck from "./truck.ts";
import { TruckMarks } from "./truck-marks.ts";
import { truckRecord } from "./truck-record.ts";
import { WaitingArea } from "./waiting-area.ts";

// Plain constants, copied once: an import is read through a getter after tsx's transform, and the
// event loop below compares the event kind with these on every event.
const {
  ARRIVAL,
  BOOKED_ARRIVAL,
  DOC_END,
  EQUEUE_WAKE,
  GATE_WAKE,
  HOLD_END,
  HOUR,
  INSPECTION_END,
  MISS_END,
  SCAN_END,
  SLOT,
  scratchEvents,
  TRACE_ARRIVAL,
  UNMANNED_END,
  WARMUP_END,
  AGV_END,
} = simEvents;
const { leaveStage, STAGES, TruckPool } = truck;

const MS = 60_000;
const WAITING_AREA = STAGES.indexOf("waitingArea");

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
  // streams added after the first ten keep their own salts, so older scenarios draw as before
  const more = (i: number) => uniformStream(seed, 100 + i);
  const escalation = more(0);
  const refusal = more(1);
  const laterHold = more(2);
  const parameters = replicationParameters(scenario, rand, more);
  const {
    end,
    warm,
    plan,
    strict,
    cycle,
    docTime,
    holdDoc,
    holdScan,
    holdBay,
    escalate,
    refuseAtDoc,
    failInspection,
    autoTime,
    missRate,
    callDeadline,
    driverlessShare,
  } = parameters;
  const heap = new EventHeap();
  const pool = new TruckPool();
  const marks = new TruckMarks();
  // issue 22: streams of their own, drawn only when the scenario has an AGV lane
  const agv = scenario.agvLane
    ? agvLane(scenario.agvLane, {
        warm,
        serviceTime: sampler(scenario.agvLane.minutes, more(5)),
        marks,
        heap,
      })
    : null;
  const driverlessDraw = more(4);
  const kindOf = arrivalKind({
    ...parameters,
    rand,
    driverless: agv ? () => driverlessDraw() < driverlessShare : null,
  });
  const waiting = new WaitingArea(warm, strict, cycle);

  let cap = resourcesAt(scenario, 0);
  const lanes = resource(warm, cap.documentLanes);
  let inside = 0;

  const counts = new ReplicationCounts(warm, end, marks);
  const entrance = new Entrance({
    ...parameters,
    heap,
    marks,
    virtualWait: counts.virtualWait,
    admit,
  });
  const { scan, inspection } = inspectionStations({ ...parameters, inService: cap, counts, marks, heap });
  let nextId = 0;
  let insideAtStart = 0;
  let steps = 0;
  let events = 0;
  let now = 0;

  const ev = scratchEvents((scenario.graceHours ?? 24) * 60);

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

  /** A truck asks to cross: from the arrival process, a trace row, or the backlog at the start. */
  function arrive(booked: boolean, row?: TraceRow, backlog?: "gateQueue" | "virtualQueue"): void {
    const t = pool.take(nextId++, now);
    marks.reset(t.slot);
    marks.booked[t.slot] = booked ? 1 : 0;
    kindOf(t, marks, row);
    t.arrivedAt = now;
    t.enteredAt = now;
    t.counted = now >= warm;
    if (t.counted && !backlog) counts.arrival(t, now);
    entrance.arrive(t, now, backlog);
  }

  /** Through the gate into the control zone: the Time Release Study's clock starts here. */
  function admit(t: Truck): void {
    marks.admittedAt[t.slot] = now;
    inside++;
    if (t.counted) counts.gateWait(t, now - (marks.borderAt[t.slot] as number));
    t.enteredAt = now;
    if (marks.booked[t.slot]) {
      ev.BOOK.slot = { start: now * MS, end: (now + 1) * MS };
      step(t, ev.BOOK);
    }
    step(t, ev.CHECK_IN);
    if (agv && marks.driverless[t.slot]) {
      agv.offer(t, now);
      return;
    }
    if (marks.unmanned[t.slot]) {
      ev.UNMANNED_RELEASE.plateRead = t.context.plate;
      heap.push(now + (autoTime as Sampler)(), UNMANNED_END, t.slot);
      return;
    }
    waiting.push(t, now);
    callNext();
  }

  function callNext(): void {
    while (lanes.busy.value < lanes.cap.value && waiting.length > 0) {
      const t = waiting.next(now);
      ev.CALL.deadline = (now + callDeadline) * MS;
      step(t, ev.CALL);
      if (missRate > 0 && rand.hold() < missRate) {
        // The truck will not come: its lane waits for it until the deadline (MISS_END), as live.
        lanes.busy.set(now, lanes.busy.value + 1);
        heap.push(now + callDeadline, MISS_END, t.slot);
        continue;
      }
      if (t.counted) counts.laneWait(t, now, now - (marks.admittedAt[t.slot] as number));
      t.calledAt = now;
      step(t, ev.ARRIVE_AT_LANE);
      lanes.busy.set(now, lanes.busy.value + 1);
      const service = Number.isNaN(t.given.documentCheck) ? docTime() : t.given.documentCheck;
      if (t.counted) counts.resourceService.documentLanes.add(service);
      // held for documents after the check: drawn now, so the hold's stream follows the calls
      t.holdMinutes = holdDoc && rand.hold() < holdDoc.probability ? holdDoc.minutes() : 0;
      heap.push(now + service, DOC_END, t.slot);
    }
  }

  /** Put on hold for documents: the truck parks and its lane, scanner or bay takes the next one. */
  function parkFor(t: Truck, minutes: number): void {
    step(t, ev.HOLD);
    heap.push(now + minutes, HOLD_END, t.slot);
  }

  function afterDocumentCheck(t: Truck): void {
    if (refuseAtDoc > 0 && refusal() < refuseAtDoc) {
      step(t, ev.REFUSE);
      finish(t, "refused");
      return;
    }
    step(t, ev.RECORD_DOCUMENT_CHECK);
    if (t.context.channel === "green") release(t);
    else if (t.context.channel === "yellow") {
      step(t, ev.SEND_TO_SCAN);
      scan.enter(t, now);
    } else {
      step(t, ev.SEND_TO_INSPECTION);
      inspection.enter(t, now);
    }
  }

  function afterScan(t: Truck): void {
    const found = escalate > 0 && escalation() < escalate;
    ev.RECORD_SCAN.result = found ? "suspicious" : "clear";
    step(t, ev.RECORD_SCAN);
    if (!found) {
      release(t);
      return;
    }
    step(t, ev.SEND_TO_INSPECTION);
    inspection.enter(t, now);
  }

  function afterInspection(t: Truck): void {
    const failed = failInspection > 0 && refusal() < failInspection;
    ev.RECORD_INSPECTION.result = failed ? "failed" : "passed";
    step(t, ev.RECORD_INSPECTION);
    if (!failed) {
      release(t);
      return;
    }
    step(t, ev.REFUSE);
    finish(t, "refused");
  }

  /** Released: the neighbour took the truck's place when it came through the gate, so it leaves at once. */
  function release(t: Truck): void {
    step(t, ev.RELEASE);
    finish(t, "released");
  }

  function finish(t: Truck, outcome: "released" | "refused" | "expired"): void {
    if (t.counted && onTruck) onTruck(truckRecord(t, now, outcome === "released"));
    inside--;
    counts.finished(t, now, outcome);
    marks.alive[t.slot] = 0;
    pool.give(t);
  }

  const arrivals = arrivalProcess(scenario, plan, rand.arrivals, heap, trace, () => arrive(false));
  for (let h = 1; h * 60 < end; h++) heap.push(h * 60, HOUR, h);
  if (warm > 0) heap.push(warm, WARMUP_END, 0);
  for (let i = 0; i < (scenario.initialBacklog?.virtualQueue ?? 0); i++)
    arrive(false, undefined, "virtualQueue");
  for (let i = 0; i < (scenario.initialBacklog?.gateQueue ?? 0); i++) arrive(false, undefined, "gateQueue");
  const inSystem = () => entrance.waiting + inside;
  if (warm === 0) insideAtStart = inSystem();

  while (heap.pop()) {
    now = heap.time;
    if (now >= end) break;
    events++;
    const t = pool.all[heap.subject] as Truck;
    switch (heap.kind) {
      case ARRIVAL:
        arrivals.next(now);
        break;
      case SLOT:
        arrivals.slot(now);
        break;
      case BOOKED_ARRIVAL:
        arrive(true);
        break;
      case TRACE_ARRIVAL:
        arrive(false, trace?.[heap.subject]);
        break;
      case EQUEUE_WAKE:
        entrance.wakeEQueue(now);
        break;
      case GATE_WAKE:
        entrance.wakeGate(now);
        break;
      case DOC_END:
        lanes.busy.set(now, lanes.busy.value - 1);
        if (t.holdMinutes > 0) parkFor(t, t.holdMinutes);
        else afterDocumentCheck(t);
        callNext();
        break;
      case HOLD_END:
        step(t, ev.RESUME);
        if (t.state === "documentCheck") afterDocumentCheck(t);
        else if (t.state === "scan") afterScan(t);
        else afterInspection(t);
        break;
      case MISS_END:
        // The machine's rule decides: back to the queue the first time, expired the second.
        step(t, ev.MISS_CALL);
        lanes.busy.set(now, lanes.busy.value - 1);
        if (t.state === "waitingArea") {
          waiting.push(t, now);
        } else finish(t, "expired");
        callNext();
        break;
      case SCAN_END:
        scan.free(now);
        if (holdScan && laterHold() < holdScan.probability) parkFor(t, holdScan.minutes());
        else afterScan(t);
        scan.start(now);
        break;
      case INSPECTION_END:
        inspection.free(now);
        if (holdBay && laterHold() < holdBay.probability) parkFor(t, holdBay.minutes());
        else afterInspection(t);
        inspection.start(now);
        break;
      case UNMANNED_END:
        // the drive through the unmanned lane is its own stage, not time in the waiting area
        t.enteredAt = now;
        ev.UNMANNED_RELEASE.plateRead = t.context.plate;
        step(t, ev.UNMANNED_RELEASE);
        t.stage[WAITING_AREA] = Number.NaN;
        finish(t, "released");
        break;
      case AGV_END: {
        // the machine decides: through the lane, or to the manned lanes' queue with its reason
        ev.GATE_READ.plateRead = t.context.plate;
        step(t, ev.GATE_READ);
        const through = t.state === "released";
        (agv as NonNullable<typeof agv>).read(t, now, through);
        if (through) {
          t.stage[WAITING_AREA] = Number.NaN;
          finish(t, "released");
        } else {
          waiting.push(t, now);
          callNext();
        }
        break;
      }
      case WARMUP_END:
        insideAtStart = inSystem();
        break;
      case HOUR: {
        const { gateLevel: gateQueue, virtualLevel: virtualQueue } = entrance;
        counts.endHour(now, { queue: waiting.level, gateQueue, virtualQueue }, inSystem());
        cap = resourcesAt(scenario, heap.subject % 24);
        lanes.cap.set(now, cap.documentLanes);
        scan.units.cap.set(now, cap.scanners);
        inspection.units.cap.set(now, cap.inspectionBays);
        callNext();
        scan.start(now);
        inspection.start(now);
        break;
      }
    }
  }
  return replicationReport({
    end,
    warm,
    counted: counts,
    counts: { insideAtStart, inside, events, steps },
    lanes,
    scanners: scan.units,
    bays: inspection.units,
    queue: waiting.level,
    gateLevel: entrance.gateLevel,
    virtualLevel: entrance.virtualLevel,
    pool,
    marks,
    agv,
  });
}
