/** A truck's one active crossing at a checkpoint, found by its plate (the ANPR camera's read). */
import { normalisePlateInput } from "../domain/declaration.ts";
import { stateIn } from "./crossing-states.ts";
import type { DB } from "./db.ts";

export function activeCrossingStore(db: DB) {
  // the partial unique index crossings_one_active_per_plate makes this at most one row
  const byPlate = db.prepare(
    `SELECT id FROM crossings WHERE checkpoint_id = ? AND plate = ?
       AND ${stateIn("open")}`,
  );
  return {
    idByPlate: (checkpointId: string, plate: string) =>
      (byPlate.pluck().get(checkpointId, normalisePlateInput(plate)) as string | undefined) ?? null,
  };
}
