/**
 * A declaration with the national rule: the post's own one-active-crossing check first (unchanged),
 * then the hub's claim on the vehicle (a no-op without a hub), then the declaration itself.
 */
import { nanoid } from "nanoid";
import type { CrossingStore } from "../store/crossings.ts";
import { type DeclareOutcome, declareTruck } from "../store/declare.ts";
import { type NationalVehicleCheck, noNationalCheck } from "./national-check.ts";
import { nationalVehicle } from "./vehicle-identity.ts";

export type NationalDeclareOutcome =
  | DeclareOutcome
  | { ok: false; status: 409; reason: string; heldAtPost: string };

export async function declareNationally(
  check: NationalVehicleCheck | undefined,
  crossings: CrossingStore,
  args: Parameters<typeof declareTruck>[1],
): Promise<NationalDeclareOutcome> {
  const d = args.declaration;
  // without a hub, the post's own rule alone (one active crossing per truck, checked as it declares);
  // a claim the post then refuses locally lapses at the hub unused (src/hub: reservations)
  if (!check || check === noNationalCheck) return declareTruck(crossings, args);
  const id = nanoid();
  const verdict = await check.claim({
    crossingId: id,
    vehicle: nationalVehicle(d.vehicle.plate, d),
    at: args.at,
  });
  if (!verdict.ok) return { ok: false, status: 409, reason: verdict.reason, heldAtPost: verdict.post };
  return declareTruck(crossings, { ...args, id });
}
