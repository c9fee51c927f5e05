/**
 * One replication of a scenario: trucks arrive, queue by the live queue discipline, pass the
 * document lanes, then a scanner (yellow) or a bay (red), and leave. Every step of every truck
 * is decided by the crossing machine (compiled to a table). Pure: no I/O, no real clock; the
 * seed comes in with the scenario. Clock in minutes; events to the machine carry milliseconds.
 */

import type {
  CheckInPolicy,
  CrossingContext,
  CrossingEvent,
  CrossingState,
  PriorityClass,
} from "../../machines/types.ts";
import { ECHERHA_CYCLE } from "../domain/checkpoint.ts";
import { pickClass, queueClass } from "../domain/queue.ts";
import { type Sampler, sampler } from "./distributions.ts";
import { EventHeap } from "./heap.ts";
import { compileMachine, decide, type TransitionTable } from "./machine-table.ts";
import type { Scenario } from "./scenario.ts";
import { streams } from "./streams.ts";
import { Summary } from "./summary.ts";
import type { TraceRow } from "./trace.ts";

const ARRIVAL = 0;
const DOC_END = 1;
const SCAN_END = 2;
const INSPECTION_END = 3;
const UNMANNED_END = 4;
const HOUR = 5;
const SLOT = 6;
const BOOKED_ARRIVAL = 7;
const NEIGHBOUR_END = 8;
const TRACE_ARRIVAL = 9;

const MS = 60_000;
/** eCherha's cycle (../shared/domain.md): priority trucks go ahead without starving the rest. */
export const DEFAULT_CYCLE: readonly PriorityClass[] = ECHERHA_CYCLE;
const POLICY: CheckInPolicy = { walkInsAllowed: true, graceMinutes: 24 * 60 };
const SIM = { kind: "system", id: "sim" } as const;

/** Stages in the order of the issue's `stageMinutes`. */
export const STAGES = ["waitingArea", "documentCheck", "scan", "physicalInspection", "onHold"] as const;
type Stage = (typeof STAGES)[number];

interface Truck {
  id: number;
  /** index in the pool: how the event list addresses the truck */
  slot: number;
  state: CrossingState;
  context: CrossingContext;
  arrivedAt: number;
  enteredAt: number;
  counted: boolean;
  /** minutes per stage, in STAGES order; NaN where the truck never went */
  stage: Float64Array;
  holdMinutes: number;
  /** the trace's service times; NaN where they are sampled */
  given: { documentCheck: number; scan: number; physicalInspection: number };
}

/** A FIFO of truck ids that reuses its array. */
class Fifo {
  private items: Truck[] = [];
  private head = 0;
  get length() {
    return this.items.length - this.head;
  }
  push(t: Truck) {
    this.items.push(t);
  }
  shift(): Truck {
    const t = this.items[this.head++] as Truck;
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return t;
  }
}

/** Time-weighted integral of a level (queue length, busy servers) from the warm-up on. */
class Level {
  value = 0;
  area = 0;
  max = 0;
  private last = 0;
  constructor(private readonly from: number) {}
  set(now: number, value: number) {
    if (now > this.from) this.area += this.value * (now - Math.max(this.last, this.from));
    this.last = now;
    this.value = value;
    if (now >= this.from && value > this.max) this.max = value;
  }
}

export interface HourRecord {
  hour: number;
  arrivals: number;
  completed: number;
  waitSum: number;
  waitCount: number;
  queueArea: number;
}

export interface RunResult {
  trucksArrived: number;
  trucksCompleted: number;
  minutes: number;
  wait: Summary;
  timeInSystem: Summary;
  stages: Record<Stage, Summary>;
  utilisation: { documentLanes: number; scanners: number; inspectionBays: number };
  queueLength: { mean: number; max: number };
  hourly: HourRecord[];
  eventsProcessed: number;
  machineSteps: number;
}

/** Compiled once per process: the machine's definition does not change while it runs. */
const compiled: TransitionTable = compileMachine();

/** `trace` is the parsed trace file when the scenario's arrivals are a trace replay. */
export function runReplication(scenario: Scenario, seed: number, trace?: readonly TraceRow[]): RunResult {
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
  const trucks: Truck[] = [];
  const free: Truck[] = [];
  const waiting = new Map<PriorityClass, Fifo>(cycle.map((c) => [c, new Fifo()]));
  waiting.set("ordinary", waiting.get("ordinary") ?? new Fifo());
  const scanQueue = new Fifo();
  const bayQueue = new Fifo();
  const neighbourQueue = new Fifo();
  let neighbourBusy = false;
  let cyclePlace = 0;
  let waitingCount = 0;

  const capacity = (hourOfDay: number) => {
    const r = { ...scenario.resources };
    for (const s of scenario.shifts ?? []) {
      if (hourOfDay >= s.fromHour && hourOfDay < s.toHour) {
        if (s.documentLanes !== undefined) r.documentLanes = s.documentLanes;
        if (s.scanners !== undefined) r.scanners = s.scanners;
        if (s.inspectionBays !== undefined) r.inspectionBays = s.inspectionBays;
      }
    }
    return r;
  };
  let cap = capacity(0);
  const lanes = { busy: new Level(warm), cap: new Level(warm) };
  const scanners = { busy: new Level(warm), cap: new Level(warm) };
  const bays = { busy: new Level(warm), cap: new Level(warm) };
  lanes.cap.set(0, cap.documentLanes);
  scanners.cap.set(0, cap.scanners);
  bays.cap.set(0, cap.inspectionBays);
  const queue = new Level(warm);

  const wait = new Summary();
  const timeInSystem = new Summary();
  const stages = Object.fromEntries(STAGES.map((s) => [s, new Summary()])) as Record<Stage, Summary>;
  const hourly: HourRecord[] = [];
  const hourAt = (now: number) => hourly[Math.floor(now / 60) - Math.floor(warm / 60)];
  for (let h = Math.floor(warm / 60); h < Math.ceil(end / 60); h++)
    hourly.push({ hour: h, arrivals: 0, completed: 0, waitSum: 0, waitCount: 0, queueArea: 0 });
  let arrived = 0;
  let nextId = 0;
  let completed = 0;
  let steps = 0;
  let events = 0;
  let now = 0;

  // One scratch event per type, re-stamped each step: the machine reads only the fields set here.
  const ev = {
    BOOK: { type: "BOOK", at: 0, actor: SIM, slot: { start: 0, end: 0 } },
    CHECK_IN: { type: "CHECK_IN", at: 0, actor: SIM, policy: POLICY },
    CALL: { type: "CALL", at: 0, actor: SIM, lane: 1, deadline: 0 },
    ARRIVE_AT_LANE: { type: "ARRIVE_AT_LANE", at: 0, actor: SIM },
    MISS_CALL: { type: "MISS_CALL", at: 0, actor: SIM },
    RECORD_DOCUMENT_CHECK: { type: "RECORD_DOCUMENT_CHECK", at: 0, actor: SIM, passed: true },
    SEND_TO_SCAN: { type: "SEND_TO_SCAN", at: 0, actor: SIM },
    RECORD_SCAN: { type: "RECORD_SCAN", at: 0, actor: SIM, result: "clear" },
    SEND_TO_INSPECTION: { type: "SEND_TO_INSPECTION", at: 0, actor: SIM },
    RECORD_INSPECTION: { type: "RECORD_INSPECTION", at: 0, actor: SIM, result: "passed" },
    HOLD: { type: "HOLD", at: 0, actor: SIM, documents: "requested documents" },
    RESUME: { type: "RESUME", at: 0, actor: SIM },
    RELEASE: { type: "RELEASE", at: 0, actor: SIM },
    UNMANNED_RELEASE: { type: "UNMANNED_RELEASE", at: 0, actor: SIM, plateRead: "" },
  } satisfies Record<string, CrossingEvent>;

  /** Asks the machine; mirrors into the context only the fields its rules read. */
  function step(t: Truck, e: CrossingEvent): void {
    e.at = now * MS;
    const next = decide(table, t.state, t.context, e);
    if (next === undefined) throw new Error(`machine refused ${e.type} in ${t.state} (truck ${t.id})`);
    steps++;
    const c = t.context;
    switch (e.type) {
      case "BOOK":
        c.slot = e.slot;
        break;
      case "CALL":
        c.lane = e.lane;
        c.callDeadline = e.deadline;
        break;
      case "MISS_CALL":
        c.missedCalls++;
        c.callDeadline = null;
        break;
      case "RECORD_DOCUMENT_CHECK":
        c.documentCheckPassed = e.passed;
        break;
      case "RECORD_SCAN":
        c.scanResult = e.result;
        break;
      case "RECORD_INSPECTION":
        c.inspectionResult = e.result;
        break;
      case "HOLD":
        c.holdFrom = t.state === "onHold" ? null : (t.state as "documentCheck");
        break;
      case "RESUME":
        c.holdFrom = null;
        break;
    }
    if (next !== t.state) {
      leave(t);
      t.state = next;
      t.enteredAt = now;
    }
  }

  const STAGE_INDEX: Partial<Record<CrossingState, number>> = Object.fromEntries(
    STAGES.map((st, i) => [st, i]),
  );
  function leave(t: Truck): void {
    const i = STAGE_INDEX[t.state];
    if (i !== undefined) {
      const prev = t.stage[i] as number;
      t.stage[i] = (Number.isNaN(prev) ? 0 : prev) + (now - t.enteredAt);
    }
  }

  function newTruck(): Truck {
    const t = free.pop();
    const id = nextId++;
    if (t) {
      const c = t.context;
      c.slot = null;
      c.lane = null;
      c.callDeadline = null;
      c.missedCalls = 0;
      c.documentCheckPassed = false;
      c.scanResult = null;
      c.inspectionResult = null;
      c.holdFrom = null;
      t.state = "declared";
      t.stage.fill(Number.NaN);
      t.id = id;
      t.given.documentCheck = t.given.scan = t.given.physicalInspection = Number.NaN;
      return t;
    }
    const context: CrossingContext = {
      id: String(id),
      checkpointId: "sim",
      plate: "SIM",
      channel: "green",
      riskReasons: [],
      priority: "ordinary",
      declarationComplete: true,
      slot: null,
      walkIn: false,
      checkedInAt: null,
      lane: null,
      callDeadline: null,
      missedCalls: 0,
      promotedAt: null,
      promotionReason: null,
      holdFrom: null,
      holdDocuments: null,
      documentCheckPassed: false,
      scanResult: null,
      inspectionResult: null,
      releasedBy: null,
      reasonCode: null,
      history: [],
    };
    const stage = new Float64Array(STAGES.length).fill(Number.NaN);
    const fresh: Truck = {
      id,
      slot: trucks.length,
      state: "declared",
      context,
      arrivedAt: 0,
      enteredAt: 0,
      counted: false,
      stage,
      holdMinutes: 0,
      given: { documentCheck: Number.NaN, scan: Number.NaN, physicalInspection: Number.NaN },
    };
    trucks.push(fresh);
    return fresh;
  }

  function arrive(booked: boolean, row?: TraceRow): void {
    const t = newTruck();
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
    const q = waiting.get(queueClass(c.priority, cycle)) as Fifo;
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
      const t = (waiting.get(cls) as Fifo).shift();
      queue.set(now, --waitingCount);
      ev.CALL.deadline = (now + 15) * MS;
      step(t, ev.CALL);
      if (missRate > 0 && rand.hold() < missRate) {
        // The truck misses its call; the machine's rule decides: back to the queue, or expired.
        const saved = now;
        now += 15;
        step(t, ev.MISS_CALL);
        now = saved;
        if (t.state === "waitingArea") {
          (waiting.get(queueClass(t.context.priority, cycle)) as Fifo).push(t);
          queue.set(now, ++waitingCount);
        } else finish(t, false);
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
    free.push(t);
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
    const t = trucks[heap.subject] as Truck;
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
        cap = capacity(heap.subject % 24);
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
  // Capped at 1: a check that runs past a shift's end keeps its lane a little longer.
  const ratio = (busy: Level, capacity: Level) =>
    capacity.area > 0 ? Math.min(1, busy.area / capacity.area) : 0;
  return {
    trucksArrived: arrived,
    trucksCompleted: completed,
    minutes: span,
    wait,
    timeInSystem,
    stages,
    utilisation: {
      documentLanes: ratio(lanes.busy, lanes.cap),
      scanners: ratio(scanners.busy, scanners.cap),
      inspectionBays: ratio(bays.busy, bays.cap),
    },
    queueLength: { mean: span > 0 ? queue.area / span : 0, max: queue.max },
    hourly,
    eventsProcessed: events,
    machineSteps: steps,
  };
}
