/**
 * One active crossing per truck across every checkpoint of the installation, by canonical plate
 * and by VIN. The one check a new pre-declaration passes before it is written; it runs inside the
 * declaration's write transaction, and the unique indexes of migration 110 hold the same rule.
 * (A check with the national hub, "is this truck on its way elsewhere?", belongs beside this one.)
 */
import type { DB } from "./db.ts";

export const ACTIVE = "state NOT IN ('released', 'refused', 'cancelled', 'expired')";

export interface ActiveCrossingOfTruck {
  id: string;
  checkpointId: string;
  /** what matched: the plate, or the VIN (a plate swapped onto the same vehicle) */
  by: "plate" | "vin";
}

export function oneActiveCrossingStore(db: DB) {
  // both read a partial unique index: at most one row each
  const byPlate = db.prepare(
    `SELECT id, checkpoint_id AS checkpointId FROM crossings WHERE plate_key = ? AND ${ACTIVE}`,
  );
  const byVin = db.prepare(
    `SELECT id, checkpoint_id AS checkpointId FROM crossings WHERE vin = ? AND vin IS NOT NULL AND ${ACTIVE}`,
  );
  type Row = { id: string; checkpointId: string };
  return {
    /** The truck's active crossing anywhere in the installation, or null: a new declaration needs null. */
    activeCrossingOfTruck(plateKey: string, vin: string | null): ActiveCrossingOfTruck | null {
      const plate = byPlate.get(plateKey) as Row | undefined;
      if (plate) return { ...plate, by: "plate" };
      const same = vin ? (byVin.get(vin) as Row | undefined) : undefined;
      return same ? { ...same, by: "vin" } : null;
    },
  };
}
