/**
 * Crossings and their event log. Every change goes one way, through `apply`: load the
 * snapshot, run the event through the machine, and in ONE transaction write the new
 * snapshot and append the event. A rejected event writes nothing.
 */
import {
  type ApplyResult,
  applyEvent,
  type CrossingEvent,
  type CrossingInput,
  type CrossingState,
  declareCrossing,
  MACHINE_VERSION,
  migrateSnapshot,
  type PersistedCrossing,
} from "../../machines/index.ts";
import type { Declaration } from "../domain/declaration.ts";
import { canonicalPlate } from "../domain/identity.ts";
import type { DB } from "./db.ts";
import { type ActiveCrossingOfTruck, oneActiveCrossingStore } from "./one-active-crossing.ts";

export interface CrossingRow {
  id: string;
  code: string;
  checkpoint_id: string;
  /** as the person typed it, for display */
  plate: string;
  /** canonical (identity.ts): what every comparison and index uses */
  plate_key: string;
  vin: string | null;
  direction: string;
  state: CrossingState;
  channel: string;
  priority: string;
  slot_start: number | null;
  slot_end: number | null;
  checked_in_at: number | null;
  call_deadline: number | null;
  lane: number | null;
  promoted_at: number | null;
  declaration: string;
  /** the machine version that wrote the snapshot (machines/versions.ts) */
  machine_version: number;
  /** 1: no driver; its carrier is told everything, no phone anything (issue 22, migration 160) */
  driverless: number;
  snapshot: string;
  event_count: number;
  owner: string | null;
  created_at: number;
  updated_at: number;
}

export interface EventRow {
  seq: number;
  crossing_id: string;
  n: number;
  type: string;
  payload: string;
  from_state: string | null;
  to_state: string;
  at: number;
  actor_kind: string;
  actor_id: string;
  reason: string | null;
  /** the machine version that accepted the event */
  machine_version: number;
}

export interface StoredCrossing {
  row: CrossingRow;
  crossing: PersistedCrossing;
  declaration: Declaration;
}

/** A declaration is written only for a truck without an active crossing anywhere in the installation. */
export type DeclaredOutcome =
  | { ok: true; crossing: StoredCrossing }
  | { ok: false; active: ActiveCrossingOfTruck };

export type AppliedChange = { ok: true; crossing: StoredCrossing; event: CrossingEvent; seq: number };
type Refused = { ok: false; status: 404 | 409; reason: string; state?: CrossingState };
export type ApplyOutcome = AppliedChange | Refused;
/** Several events applied as one change: each accepted event with the crossing as it left it. */
export type AppliedOutcome = { ok: true; changes: AppliedChange[] } | Refused;

/** Refuses a transition for reasons outside the machine (a full slot); runs inside the transaction. */
export type Precondition = (crossing: StoredCrossing) => string | null;

const reasonOf = (e: CrossingEvent): string | null => {
  switch (e.type) {
    case "REFUSE":
      return e.reasonCode;
    case "HOLD":
      return e.documents;
    case "PRIORITISE":
    case "VOID":
      return e.reason;
    case "CANCEL":
    case "CANCEL_BOOKING":
      return e.reason ?? null;
    default:
      return null;
  }
};

/** Columns derived from the snapshot, so the queue and slot queries need no JSON (verify-log checks them). */
export const derivedColumns = (c: PersistedCrossing) => ({
  state: c.state,
  slot_start: c.context.slot?.start ?? null,
  slot_end: c.context.slot?.end ?? null,
  checked_in_at: c.context.checkedInAt,
  call_deadline: c.state === "called" ? c.context.callDeadline : null,
  lane: c.context.lane,
  promoted_at: c.context.promotedAt,
  snapshot: JSON.stringify(c.context),
});

/** The columns derived from the snapshot besides the snapshot itself (verify-log.ts checks them too). */
export const DERIVED_COLUMNS = [
  "state",
  "slot_start",
  "slot_end",
  "checked_in_at",
  "call_deadline",
  "lane",
  "promoted_at",
] as const;

/**
 * Writes a crossing's new snapshot with its derived columns, naming in the UPDATE only the columns
 * whose value changed: SQLite rewrites every index (and runs every trigger) that names a column the
 * UPDATE sets, changed or not, and eight of the crossings table's indexes name one of these. One statement is
 * prepared per set of changed columns, when first needed.
 */
function rowWriter(db: DB) {
  const statements = new Map<string, ReturnType<DB["prepare"]>>();
  const statementFor = (changed: readonly string[]) => {
    const key = changed.join(",");
    let statement = statements.get(key);
    if (!statement) {
      const sets = changed.map((c) => `${c} = @${c}, `).join("");
      statement = db.prepare(
        `UPDATE crossings SET ${sets}snapshot = @snapshot, event_count = event_count + @events,
           updated_at = @at, machine_version = ${MACHINE_VERSION}
         WHERE id = @id AND event_count = @event_count`,
      );
      statements.set(key, statement);
    }
    return statement;
  };
  return (before: CrossingRow, columns: ReturnType<typeof derivedColumns>, at: number, events: number) => {
    const changed = DERIVED_COLUMNS.filter((c) => columns[c] !== before[c]);
    const values: Record<string, unknown> = {
      id: before.id,
      snapshot: columns.snapshot,
      events,
      at,
      event_count: before.event_count,
    };
    for (const c of changed) values[c] = columns[c];
    const { changes } = statementFor(changed).run(values);
    if (changes !== 1) throw new Error(`crossing ${before.id} changed under us`);
  };
}

export function crossingStore(db: DB) {
  const byId = db.prepare("SELECT * FROM crossings WHERE id = ?");
  const byCode = db.prepare("SELECT * FROM crossings WHERE code = ?");
  const insertCrossing = db.prepare(
    `INSERT INTO crossings (id, code, checkpoint_id, plate, plate_key, vin, direction, state, channel, priority,
       declaration, snapshot, event_count, owner, created_at, updated_at, machine_version, driverless)
     VALUES (@id, @code, @checkpoint_id, @plate, @plate_key, @vin, @direction, @state, @channel, @priority,
       @declaration, @snapshot, 1, @owner, @at, @at, ${MACHINE_VERSION}, @driverless)`,
  );
  const writeCrossing = rowWriter(db);
  const insertEvent = db.prepare(
    `INSERT INTO crossing_events (crossing_id, n, type, payload, from_state, to_state, at, actor_kind, actor_id, reason,
       machine_version)
     VALUES (@crossing_id, @n, @type, @payload, @from_state, @to_state, @at, @actor_kind, @actor_id, @reason,
       ${MACHINE_VERSION})`,
  );
  const eventsOf = db.prepare("SELECT * FROM crossing_events WHERE crossing_id = ? ORDER BY n");
  const committed: ((change: { crossing: StoredCrossing; event: CrossingEvent; seq: number }) => void)[] = [];

  const load = (row: CrossingRow | undefined): StoredCrossing | null =>
    row
      ? {
          row,
          // a snapshot of an older machine is brought to today's context first
          crossing: migrateSnapshot(
            { state: row.state, context: JSON.parse(row.snapshot) },
            row.machine_version,
          ),
          declaration: JSON.parse(row.declaration),
        }
      : null;

  const get = (id: string) => load(byId.get(id) as CrossingRow | undefined);

  const oneActive = oneActiveCrossingStore(db);
  type DeclareArgs = {
    input: CrossingInput;
    code: string;
    declaration: Declaration;
    direction: string;
    owner?: string | null;
    actor: { kind: string; id: string };
  };
  const declareTx = db.transaction((args: DeclareArgs): DeclaredOutcome => {
    const plateKey = canonicalPlate(args.input.plate);
    const active = oneActive.activeCrossingOfTruck(plateKey, args.input.vin ?? null);
    if (active) return { ok: false, active };
    const persisted = declareCrossing(args.input);
    const at = args.input.declaredAt;
    insertCrossing.run({
      id: args.input.id,
      code: args.code,
      checkpoint_id: args.input.checkpointId,
      plate: args.input.plate,
      plate_key: plateKey,
      vin: args.input.vin ?? null,
      direction: args.direction,
      state: persisted.state,
      channel: args.input.channel,
      priority: args.input.priority,
      declaration: JSON.stringify(args.declaration),
      snapshot: JSON.stringify(persisted.context),
      owner: args.owner ?? null,
      driverless: args.input.driverless ? 1 : 0,
      at,
    });
    insertEvent.run({
      crossing_id: args.input.id,
      n: 0,
      type: "DECLARE",
      payload: JSON.stringify(args.input),
      from_state: null,
      to_state: persisted.state,
      at,
      actor_kind: args.actor.kind,
      actor_id: args.actor.id,
      reason: null,
    });
    return { ok: true, crossing: get(args.input.id) as StoredCrossing };
  });
  // IMMEDIATE, like apply: two declarations of one truck cannot both find it without a crossing
  // (and the unique indexes of migration 110 would refuse the second anyway)
  const declare = (args: DeclareArgs): DeclaredOutcome =>
    db.inTransaction ? declareTx(args) : declareTx.immediate(args);

  // IMMEDIATE: take the write lock before reading, so two processes cannot both see a free place.
  const applyTx = db.transaction(
    (
      target: string | CrossingRow,
      events: readonly CrossingEvent[],
      precondition?: Precondition,
    ): AppliedOutcome => {
      const before = typeof target === "string" ? get(target) : load(target);
      if (!before) return { ok: false, status: 404, reason: "no such crossing" };
      const id = before.row.id;
      // every event through the machine first: one it refuses leaves the crossing as it was
      const steps: { event: CrossingEvent; result: Extract<ApplyResult, { ok: true }> }[] = [];
      let current = before.crossing;
      for (const event of events) {
        const result = applyEvent(current, event);
        if (!result.ok) return { ok: false, status: 409, reason: result.reason, state: result.state };
        steps.push({ event, result });
        current = result.crossing;
      }
      const refusal = precondition?.(before);
      if (refusal) return { ok: false, status: 409, reason: refusal, state: before.row.state };
      const last = steps.at(-1);
      if (!last) throw new Error("apply needs at least one event");
      const columns = derivedColumns(current);
      writeCrossing(before.row, columns, last.event.at, steps.length);
      const changes = steps.map(({ event, result }, k) => {
        const { lastInsertRowid } = insertEvent.run({
          crossing_id: id,
          n: before.row.event_count + k,
          type: event.type,
          payload: JSON.stringify(event),
          from_state: result.from,
          to_state: result.to,
          at: event.at,
          actor_kind: event.actor.kind,
          actor_id: event.actor.id,
          // the gate's read keeps the machine's sentence: why the truck went to a manned lane
          reason:
            event.type === "GATE_READ" ? (result.crossing.context.gate?.reason ?? null) : reasonOf(event),
        });
        // the row as the UPDATE above left it (as it stood after this event), without reading it back
        const at = k === steps.length - 1 ? columns : derivedColumns(result.crossing);
        const crossing: StoredCrossing = {
          row: {
            ...before.row,
            ...at,
            event_count: before.row.event_count + k + 1,
            updated_at: event.at,
            machine_version: MACHINE_VERSION,
          },
          // the machine's own new context (machines/apply.ts gives each event a fresh one)
          crossing: result.crossing,
          declaration: before.declaration,
        };
        return { ok: true as const, crossing, event, seq: Number(lastInsertRowid) };
      });
      return { ok: true, changes };
    },
  );
  /** `target`: the crossing's id, or its row as a caller just read it in the same transaction */
  const applyAll = (
    target: string | CrossingRow,
    events: readonly CrossingEvent[],
    precondition?: Precondition,
  ) => {
    const outcome = db.inTransaction
      ? applyTx(target, events, precondition)
      : applyTx.immediate(target, events, precondition);
    // Inside a caller's transaction the change is not committed yet; the caller tells listeners.
    if (outcome.ok && !db.inTransaction)
      for (const change of outcome.changes) for (const listener of committed) listener(change);
    return outcome;
  };

  return {
    get,
    getByCode: (code: string) => load(byCode.get(code) as CrossingRow | undefined),
    declare,
    /** The one way to change a crossing (`target` as for applyAll). */
    apply: (
      target: string | CrossingRow,
      event: CrossingEvent,
      precondition?: Precondition,
    ): ApplyOutcome => {
      const outcome = applyAll(target, [event], precondition);
      return outcome.ok ? (outcome.changes[0] as AppliedChange) : outcome;
    },
    /**
     * Events that belong together (the gate's check-in and read), applied one after another as one
     * change: all accepted and written with one update of the row, or none written.
     */
    applyAll,
    events: (id: string) => eventsOf.all(id) as EventRow[],
    /** After an accepted event is committed (outside a caller's transaction): wake live pages here. */
    onCommitted: (listener: (typeof committed)[number]) => committed.push(listener),
    /** For callers that applied events inside their own transaction, once it has committed. */
    notifyCommitted: (change: Parameters<(typeof committed)[number]>[0]) => {
      for (const listener of committed) listener(change);
    },
  };
}
export type CrossingStore = ReturnType<typeof crossingStore>;
