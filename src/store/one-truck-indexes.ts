/**
 * The installation-wide unique indexes of issue 14 (one active crossing per truck, by canonical plate
 * and by VIN), made after the migrations rather than by migration 110: a post that upgrades while it
 * holds two active crossings of one truck, taken when the rule was one per checkpoint, must still
 * start. The code refuses new duplicates either way; the indexes are made at the first start after a
 * supervisor has ended the later crossing of each pair, and until then every start names the pairs.
 */
import { stateIn } from "./crossing-states.ts";
import type { DB } from "./db.ts";
import { ACTIVE } from "./one-active-crossing.ts";

export interface TruckActiveTwice {
  /** what the truck is known by: its canonical plate or VIN */
  key: string;
  by: "plate" | "vin";
  /** the booking codes and checkpoints of its active crossings, the earliest declared first */
  crossings: { code: string; checkpointId: string; createdAt: number }[];
}

// the same condition as the queries that look a truck up, so SQLite's planner can use them
const INDEXES = [
  `CREATE UNIQUE INDEX IF NOT EXISTS crossings_one_active_per_truck ON crossings(plate_key) WHERE ${ACTIVE}`,
  `CREATE UNIQUE INDEX IF NOT EXISTS crossings_one_active_per_vin ON crossings(vin) WHERE vin IS NOT NULL AND ${ACTIVE}`,
];

/**
 * Makes the indexes if no truck is active twice; otherwise returns the trucks that are, changing
 * nothing. Once the indexes exist (every database but an upgraded one with pairs), it only looks.
 */
export function ensureOneActivePerTruck(db: DB): TruckActiveTwice[] {
  const made = db
    .prepare(
      "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('crossings_one_active_per_truck', 'crossings_one_active_per_vin')",
    )
    .pluck()
    .get();
  if (made === 2) return [];
  const twice = trucksActiveTwice(db);
  if (twice.length === 0) for (const sql of INDEXES) db.exec(sql);
  return twice;
}

export function trucksActiveTwice(db: DB): TruckActiveTwice[] {
  const out: TruckActiveTwice[] = [];
  for (const by of ["plate", "vin"] as const) {
    const column = by === "plate" ? "plate_key" : "vin";
    const rows = db
      .prepare(
        `SELECT ${column} AS key, code, checkpoint_id AS checkpointId, created_at AS createdAt FROM crossings
         WHERE ${column} IS NOT NULL AND ${column} != '' AND ${stateIn("open")} AND ${column} IN (
           SELECT ${column} FROM crossings WHERE ${stateIn("open")} GROUP BY ${column} HAVING count(*) > 1)
         ORDER BY ${column}, created_at, code`,
      )
      .all() as { key: string; code: string; checkpointId: string; createdAt: number }[];
    for (const r of rows) {
      const last = out.at(-1);
      const crossing = { code: r.code, checkpointId: r.checkpointId, createdAt: r.createdAt };
      if (last && last.by === by && last.key === r.key) last.crossings.push(crossing);
      else out.push({ key: r.key, by, crossings: [crossing] });
    }
  }
  return out;
}

/** One line per truck for the start-up log: what a supervisor must end. */
export function describeTrucksActiveTwice(twice: readonly TruckActiveTwice[]): string[] {
  if (twice.length === 0) return [];
  return [
    `${twice.length} truck(s) hold more than one active crossing from before the one-truck rule; a supervisor should void the later one (the rule already refuses new ones, and its index is made at the first start with none left):`,
    ...twice.map(
      (t) =>
        `  ${t.by} ${t.key}: ${t.crossings.map((c) => `${c.code} at ${c.checkpointId}`).join(", then ")}`,
    ),
  ];
}
