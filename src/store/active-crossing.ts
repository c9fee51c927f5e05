/** A truck's one active crossing at a checkpoint, found by its plate (the ANPR camera's read). */
import type { DB } from "./db.ts";

/** The same normalisation as the declaration's plate: upper case, no spaces or dashes. */
export const normalisePlateRead = (plate: string) => plate.trim().toUpperCase().replace(/[\s-]/g, "");

export function activeCrossingStore(db: DB) {
  // the partial unique index crossings_one_active_per_plate makes this at most one row
  const byPlate = db.prepare(
    `SELECT id FROM crossings WHERE checkpoint_id = ? AND plate = ?
       AND state NOT IN ('released', 'refused', 'cancelled', 'expired')`,
  );
  return {
    idByPlate: (checkpointId: string, plate: string) =>
      (byPlate.pluck().get(checkpointId, normalisePlateRead(plate)) as string | undefined) ?? null,
  };
}
