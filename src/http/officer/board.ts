/**
 * What the checkpoint dashboard shows, read from the crossings table: the waiting area in call
 * order, the trucks at each stage with how long they have been there, recent outcomes, today's figures.
 */
import { restore } from "../../../machines/apply.ts";
import { STATE_SETS } from "../../../machines/state-sets.ts";
import type { Actor, CrossingContext, CrossingEvent, CrossingState } from "../../../machines/types.ts";
import { type LaneFacts, resumeEvent } from "../../domain/queue.ts";
import { localDayStart } from "../../domain/slots.ts";
import type { StoredCheckpoint } from "../../store/checkpoints.ts";
import type { CrossingRow } from "../../store/crossings.ts";
import type { DB } from "../../store/db.ts";
import { memoUntilWrite } from "../../store/memo.ts";
import { queueStore } from "../../store/queue.ts";
import { ACTIONS, type Action, eventFor } from "./actions.ts";

export interface BoardTruck {
  id: string;
  code: string;
  plate: string;
  state: CrossingState;
  channel: string;
  priority: string;
  riskReasons: string[];
  lane: number | null;
  /** when it entered its present state */
  since: number;
  holdDocuments: string | null;
  reasonCode: string | null;
  documentCheckPassed: boolean;
  scanResult: string | null;
  inspectionResult: string | null;
  booked: boolean;
  /** the booked slot, shown in the waiting list (the arrival window is measured from it) */
  slot: { start: number; end: number } | null;
  promotionReason: string | null;
  /** released by the unmanned green lane's camera, without an officer */
  unmanned: boolean;
  /** released by the Smart Customs gate (issue 22), without an officer */
  releasedAtGate: boolean;
  /** no driver (issue 22): its carrier's system is told everything; officers call it like any truck */
  driverless: boolean;
  /** why the Smart Customs gate handed it to a manned lane, when it did */
  gateReason: string | null;
  /** the officer's actions the machine accepts now ("prioritise" as a supervisor): the buttons drawn */
  offers: Action[];
  /** held at its document check and every lane busy: it resumes once a lane is free */
  waitsForLane: boolean;
}

export interface StageFigure {
  stage: string;
  count: number;
  meanMinutes: number | null;
  p90Minutes: number | null;
}

export interface Board {
  waiting: BoardTruck[];
  active: BoardTruck[];
  recent: BoardTruck[];
  /** released through the unmanned green lane in the last hours, shown apart from the officers' work */
  recentUnmanned: BoardTruck[];
  /** released by the Smart Customs gate in the last hours, apart too */
  recentAtGate: BoardTruck[];
  processedToday: number;
  /** of today's releases, those of the unmanned lane and those of the Smart Customs gate */
  releasedToday: number;
  unmannedToday: number;
  atGateToday: number;
  /** released or refused in the last hour: the throughput now */
  processedLastHour: number;
  stages: StageFigure[];
}

const RECENT_HOURS = 6;
const ACTIVE: CrossingState[] = ["called", "documentCheck", "scan", "physicalInspection", "onHold"];
/** the Time Release Study stages, each the time spent in one machine state */
const STAGES: [CrossingState, string][] = [
  ["waitingArea", "Waiting area"],
  ["called", "Called to lane"],
  ["documentCheck", "Document check"],
  ["scan", "Scan"],
  ["physicalInspection", "Physical inspection"],
  ["onHold", "On hold"],
];

const OFFICER: Actor = { kind: "officer", id: "board" };
const SUPERVISOR: Actor = { kind: "supervisor", id: "board" };
/** What a filled-in form sends, so each button is asked of the machine as it would be posted. */
const FILLED = { passed: "yes", result: "clear", documents: "documents", reason: "reason" };
const INSPECTION_FILLED = { ...FILLED, result: "passed" };

/**
 * The actions whose event the machine accepts for this crossing now: the machine draws the buttons.
 * `lanes`: the checkpoint's document lanes, which a resume to the document check needs, as posted.
 */
export function offeredActions(
  state: CrossingState,
  context: CrossingContext,
  at: number,
  lanes?: LaneFacts,
): Action[] {
  const snapshot = restore({ state, context });
  return ACTIONS.filter((action) => {
    const form = action === "inspection-result" ? INSPECTION_FILLED : FILLED;
    const built = eventFor(action, form, at, action === "prioritise" ? SUPERVISOR : OFFICER);
    if (!built.ok) return false;
    const event: CrossingEvent =
      built.event.type === "RESUME" && lanes ? resumeEvent(built.event, context, () => lanes) : built.event;
    return snapshot.can(event);
  });
}

/** The lanes as the rows show them: taken by the called and checked trucks. */
function lanesOf(rows: CrossingRow[], lanesOpen: number): LaneFacts {
  const holding = new Set<CrossingState>(STATE_SETS.holdsLane);
  const lanesBusy = rows.flatMap((r) => (holding.has(r.state) && r.lane !== null ? [r.lane] : []));
  return { lanesOpen, lanesBusy };
}

const toTruck = (r: CrossingRow, lanes?: LaneFacts): BoardTruck => {
  const c = JSON.parse(r.snapshot) as CrossingContext;
  const offers = offeredActions(r.state, c, r.updated_at, lanes);
  const releasedByGate = c.gate?.decision === "released";
  return {
    id: r.id,
    code: r.code,
    plate: r.plate,
    state: r.state,
    channel: r.channel,
    priority: r.priority,
    riskReasons: c.riskReasons,
    lane: c.lane,
    since: c.history.at(-1)?.at ?? r.updated_at,
    holdDocuments: c.holdDocuments,
    reasonCode: c.reasonCode,
    documentCheckPassed: c.documentCheckPassed,
    scanResult: c.scanResult,
    inspectionResult: c.inspectionResult,
    booked: c.slot !== null,
    slot: c.slot,
    promotionReason: c.promotionReason,
    // the gate's releases are unmanned too: told apart by the gate's decision
    unmanned: c.releasedBy === "unmanned" && !releasedByGate,
    releasedAtGate: c.releasedBy === "unmanned" && releasedByGate,
    driverless: r.driverless === 1,
    gateReason: c.gate?.decision === "manned" ? c.gate.reason : null,
    offers,
    waitsForLane: r.state === "onHold" && c.holdFrom === "documentCheck" && !offers.includes("resume"),
  };
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;

export function stageFigures(histories: CrossingContext["history"][]): StageFigure[] {
  const spans = new Map<CrossingState, number[]>();
  for (const history of histories) {
    for (let i = 0; i + 1 < history.length; i++) {
      const a = history[i];
      const b = history[i + 1];
      if (!a || !b) continue;
      const list = spans.get(a.state) ?? [];
      list.push(b.at - a.at);
      spans.set(a.state, list);
    }
  }
  return STAGES.map(([state, stage]) => {
    const list = (spans.get(state) ?? []).sort((x, y) => x - y);
    const minutes = (ms: number) => Math.round(ms / 6000) / 10;
    return {
      stage,
      count: list.length,
      meanMinutes: list.length ? minutes(list.reduce((s, x) => s + x, 0) / list.length) : null,
      p90Minutes: list.length ? minutes(percentile(list, 0.9)) : null,
    };
  });
}

export function boardReader(db: DB) {
  const queue = queueStore(db);
  const inStates = db.prepare(
    `SELECT * FROM crossings WHERE checkpoint_id = ? AND state IN (${ACTIVE.map(() => "?").join(",")})
     ORDER BY updated_at`,
  );
  const finishedSince = db.prepare(
    `SELECT * FROM crossings WHERE checkpoint_id = ? AND state IN ('released', 'refused') AND updated_at >= ?
     ORDER BY updated_at DESC`,
  );
  const byId = db.prepare("SELECT * FROM crossings WHERE id = ?");
  // every open dashboard polls this; it changes when a crossing does, or as the minutes pass
  const memo = memoUntilWrite(db);

  return {
    read: (checkpoint: StoredCheckpoint, now: number): Board =>
      memo(`${checkpoint.id} ${checkpoint.cyclePosition} ${Math.floor(now / 60_000)}`, () =>
        read(checkpoint, now),
      ),
  };

  function read(checkpoint: StoredCheckpoint, now: number): Board {
    const waiting = queue.ordered(checkpoint).map((t) => toTruck(byId.get(t.id) as CrossingRow));
    const activeRows = inStates.all(checkpoint.id, ...ACTIVE) as CrossingRow[];
    const lanes = lanesOf(activeRows, checkpoint.config.documentLanes);
    const active = activeRows.map((r) => toTruck(r, lanes));
    // "today" is the checkpoint's local day, as its officers and figures count it
    const midnight = localDayStart(now, checkpoint.config.timezone);
    const today = (finishedSince.all(checkpoint.id, midnight) as CrossingRow[]).map((r) => ({
      row: r,
      truck: toTruck(r),
    }));
    const recentFrom = now - RECENT_HOURS * 3_600_000;
    const recent = today.filter((t) => t.row.updated_at >= recentFrom).map((t) => t.truck);
    const released = today.filter((t) => t.truck.state === "released");
    return {
      waiting,
      active,
      recent: recent.filter((t) => !t.unmanned && !t.releasedAtGate).slice(0, 50),
      recentUnmanned: recent.filter((t) => t.unmanned).slice(0, 50),
      recentAtGate: recent.filter((t) => t.releasedAtGate).slice(0, 50),
      processedToday: today.length,
      releasedToday: released.length,
      unmannedToday: released.filter((t) => t.truck.unmanned).length,
      atGateToday: released.filter((t) => t.truck.releasedAtGate).length,
      processedLastHour: today.filter((t) => t.row.updated_at >= now - 3_600_000).length,
      stages: stageFigures(today.map((t) => (JSON.parse(t.row.snapshot) as CrossingContext).history)),
    };
  }
}
