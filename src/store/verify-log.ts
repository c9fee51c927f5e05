/**
 * Stored truth that anyone can check: replays every crossing's event log through the machine
 * (each event under the rules of the machine version that accepted it) and compares the result
 * with the stored snapshot, its derived columns and the places each slot holds. A difference means
 * something changed a crossing behind the machine's back (or a machine changed without a version).
 */
import { isDeepStrictEqual } from "node:util";
import {
  type CrossingEvent,
  type CrossingInput,
  migrateSnapshot,
  type PersistedCrossing,
  replay,
} from "../../machines/index.ts";
import { holdsPlace } from "./crossing-states.ts";
import { type CrossingRow, DERIVED_COLUMNS, derivedColumns } from "./crossings.ts";
import type { DB } from "./db.ts";

export interface LogDifference {
  /** the crossing, or "slot <checkpoint> <start>" for a slot's place count */
  subject: string;
  what: string;
}

export interface LogReport {
  crossings: number;
  events: number;
  differences: LogDifference[];
}

const hasColumn = (db: DB, table: string, column: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);

export function verifyLog(db: DB): LogReport {
  // a database from before migration 120 has no versions: everything in it is version 1
  const versioned = hasColumn(db, "crossing_events", "machine_version");
  const version = versioned ? "machine_version" : "1 AS machine_version";
  const rows = db.prepare(
    `SELECT *, ${versioned ? "machine_version" : "1 AS machine_version"} FROM crossings ORDER BY id`,
  );
  const eventsOf = db.prepare(
    `SELECT n, type, payload, to_state, ${version} FROM crossing_events WHERE crossing_id = ? ORDER BY n`,
  );
  const differences: LogDifference[] = [];
  const places = new Map<string, number>();
  let crossings = 0;
  let events = 0;
  for (const row of rows.iterate() as IterableIterator<CrossingRow>) {
    crossings++;
    const log = eventsOf.all(row.id) as {
      n: number;
      type: string;
      payload: string;
      to_state: string;
      machine_version: number;
    }[];
    events += log.length;
    const differ = (what: string) => differences.push({ subject: `crossing ${row.id}`, what });
    const [first, ...rest] = log;
    if (first?.type !== "DECLARE") {
      differ("the log does not begin with its declaration");
      continue;
    }
    if (log.some((e, i) => e.n !== i)) differ("the log's numbers have a gap");
    if (row.event_count !== log.length)
      differ(`event_count is ${row.event_count}, the log holds ${log.length} events`);
    let replayed: PersistedCrossing;
    try {
      replayed = replay(
        JSON.parse(first.payload) as CrossingInput,
        rest.map((e) => JSON.parse(e.payload) as CrossingEvent),
        rest.map((e) => e.machine_version),
      );
    } catch (err) {
      differ(`the log does not replay: ${(err as Error).message}`);
      continue;
    }
    const last = log.at(-1);
    if (last && last.to_state !== replayed.state)
      differ(`the last event's to_state is ${last.to_state}, the replay ends in ${replayed.state}`);
    const stored = migrateSnapshot(
      { state: row.state, context: JSON.parse(row.snapshot) },
      row.machine_version,
    );
    if (stored.state !== replayed.state)
      differ(`the snapshot's state is ${stored.state}, the replay's ${replayed.state}`);
    for (const key of Object.keys({
      ...replayed.context,
      ...stored.context,
    }) as (keyof typeof stored.context)[]) {
      if (!isDeepStrictEqual(stored.context[key], replayed.context[key]))
        differ(
          `snapshot field ${key} is ${JSON.stringify(stored.context[key])}, the replay gives ${JSON.stringify(replayed.context[key])}`,
        );
    }
    const columns = derivedColumns(replayed);
    for (const column of DERIVED_COLUMNS) {
      if (row[column] !== columns[column])
        differ(
          `column ${column} is ${JSON.stringify(row[column])}, the replay gives ${JSON.stringify(columns[column])}`,
        );
    }
    if (columns.slot_start !== null && holdsPlace(replayed.state)) {
      const key = `${row.checkpoint_id} ${columns.slot_start}`;
      places.set(key, (places.get(key) ?? 0) + 1);
    }
  }
  const held = db.prepare("SELECT checkpoint_id, slot_start, held FROM slot_places").all() as {
    checkpoint_id: string;
    slot_start: number;
    held: number;
  }[];
  const counted = new Map(held.map((r) => [`${r.checkpoint_id} ${r.slot_start}`, r.held]));
  for (const key of new Set([...places.keys(), ...counted.keys()])) {
    const want = places.get(key) ?? 0;
    const have = counted.get(key) ?? 0;
    if (want !== have)
      differences.push({
        subject: `slot ${key}`,
        what: `slot_places holds ${have}, the replayed crossings hold ${want}`,
      });
  }
  return { crossings, events, differences };
}

/** The report as the command prints it: a summary line, then one line per difference. */
export function describeReport(r: LogReport): string {
  const summary = `${r.crossings} crossings, ${r.events} events replayed through the machine: `;
  if (r.differences.length === 0) return `${summary}every snapshot, derived column and slot count agrees`;
  return [
    `${summary}${r.differences.length} differences`,
    ...r.differences.map((d) => `${d.subject}: ${d.what}`),
  ].join("\n");
}
