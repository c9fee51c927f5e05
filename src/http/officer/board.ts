/**
 * What the checkpoint dashboard shows, read from the crossings table: the waiting area in call
 * order, the trucks at each stage with how long they have been there, recent outcomes, today's figures.
 */
import type { CrossingContext, CrossingState } from "../../../machines/types.ts";
import type { StoredCheckpoint } from "../../store/checkpoints.ts";
import type { CrossingRow } from "../../store/crossings.ts";
import type { DB } from "../../store/db.ts";
import { queueStore } from "../../store/queue.ts";

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
  promotionReason: string | null;
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
  processedToday: number;
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

const toTruck = (r: CrossingRow): BoardTruck => {
  const c = JSON.parse(r.snapshot) as CrossingContext;
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
    promotionReason: c.promotionReason,
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

  return {
    read(checkpoint: StoredCheckpoint, now: number): Board {
      const waiting = queue.ordered(checkpoint).map((t) => toTruck(byId.get(t.id) as CrossingRow));
      const active = (inStates.all(checkpoint.id, ...ACTIVE) as CrossingRow[]).map(toTruck);
      const midnight = new Date(now).setUTCHours(0, 0, 0, 0);
      const today = finishedSince.all(checkpoint.id, midnight) as CrossingRow[];
      const recentFrom = now - RECENT_HOURS * 3_600_000;
      return {
        waiting,
        active,
        recent: today
          .filter((r) => r.updated_at >= recentFrom)
          .slice(0, 50)
          .map(toTruck),
        processedToday: today.length,
        processedLastHour: today.filter((r) => r.updated_at >= now - 3_600_000).length,
        stages: stageFigures(today.map((r) => (JSON.parse(r.snapshot) as CrossingContext).history)),
      };
    },
  };
}
