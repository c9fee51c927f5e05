/**
 * The declaration's national vehicle check, as a port: without a hub it answers "go ahead" at once. With
 * one, the post claims the vehicle at the hub before it accepts the declaration; a hub that does not
 * answer in time makes the declaration provisional (the hub settles it when the events arrive).
 */
import { type HubClient, HubRefusal } from "./hub-client.ts";
import type { NationalVehicle } from "./vehicle-identity.ts";

export type NationalVerdict =
  | { ok: true; provisional: boolean }
  | { ok: false; reason: string; post: string };

export interface NationalVehicleCheck {
  claim(args: { crossingId: string; vehicle: NationalVehicle; at: number }): Promise<NationalVerdict>;
}

export const noNationalCheck: NationalVehicleCheck = {
  claim: async () => ({ ok: true, provisional: false }),
};

export function hubVehicleCheck(hub: HubClient, timeoutMs: number): NationalVehicleCheck {
  return {
    async claim({ crossingId, vehicle, at }) {
      try {
        const asked = hub.claim({ crossingId, plate: vehicle.plate, vin: vehicle.vin, at });
        const late = new Promise<"late">((resolve) => setTimeout(() => resolve("late"), timeoutMs).unref());
        const answer = await Promise.race([asked, late]);
        asked.catch(() => {}); // a late refusal is settled by the hub at reconciliation
        if (answer === "late") return { ok: true, provisional: true };
        return { ok: true, provisional: false };
      } catch (e) {
        if (e instanceof HubRefusal && e.status === 409) {
          const post = String(e.body.post ?? "another post");
          return { ok: false, post, reason: `this truck already has an active crossing at ${post}` };
        }
        // the hub unreachable or failing: accept, provisionally
        return { ok: true, provisional: true };
      }
    },
  };
}
