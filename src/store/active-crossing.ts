/** A truck's one active crossing at a checkpoint, found by its plate (the ANPR camera's read). */
import { canonicalPlate } from "../domain/identity.ts";
import type { DB } from "./db.ts";
import { ACTIVE } from "./one-active-crossing.ts";

export function activeCrossingStore(db: DB) {
  // the partial unique index crossings_one_active_per_truck makes this at most one row
  const byPlate = db.prepare(
    `SELECT id FROM crossings WHERE plate_key = ? AND checkpoint_id = ? AND ${ACTIVE}`,
  );
  return {
    idByPlate: (checkpointId: string, plate: string) =>
      (byPlate.pluck().get(canonicalPlate(plate), checkpointId) as string | undefined) ?? null,
  };
}
