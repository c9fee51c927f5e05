/** Lodging a pre-declaration: risk rules pick the channel, the machine starts the crossing. */
import { customAlphabet, nanoid } from "nanoid";
import type { Actor } from "../../machines/index.ts";
import type { CheckpointConfig } from "../domain/checkpoint.ts";
import { type Declaration, isDeclarationComplete, priorityClassOf } from "../domain/declaration.ts";
import { assessRisk, type RiskPolicy } from "../domain/risk.ts";
import type { CrossingStore, StoredCrossing } from "./crossings.ts";

/** 8 characters without look-alikes (no 0/O, 1/I/L): read aloud over a weak phone line. */
export const BOOKING_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const newBookingCode = customAlphabet(BOOKING_CODE_ALPHABET, 8);

/**
 * Refusals as dictionary keys. "drive.active" never names the other crossing: its code and link
 * are the capability of whoever declared it (a squatter must not learn the real driver's, nor the
 * real driver the squatter's).
 */
export type DeclareOutcome =
  | { ok: true; crossing: StoredCrossing }
  | { ok: false; status: 409; reason: "drive.active" }
  | { ok: false; status: 422; reason: "v.vinRequired"; field: "vehicle.vin" }
  | { ok: false; status: 422; reason: "v.driverlessCarrier"; field: "driverless" };

export function declareTruck(
  crossings: CrossingStore,
  args: {
    declaration: Declaration;
    risk: RiskPolicy;
    /** in [0, 1): the random selection for a scan, drawn by the caller */
    sample: number;
    at: number;
    actor: Actor;
    owner?: string | null;
    /** the checkpoint's policy: whether a declaration must give the vehicle's VIN */
    policy: Pick<CheckpointConfig, "requireVin">;
    /** the crossing's id when the caller chose it (the hub's vehicle claim names it first, issue 17) */
    id?: string;
  },
): DeclareOutcome {
  const d = args.declaration;
  // a driverless truck has no phone to tell: only a carrier's system, which is told instead, may declare one
  if (d.driverless && !args.owner) {
    return { ok: false, status: 422, reason: "v.driverlessCarrier", field: "driverless" };
  }
  if (args.policy.requireVin && !d.vehicle.vin) {
    return { ok: false, status: 422, reason: "v.vinRequired", field: "vehicle.vin" };
  }
  const risk = assessRisk(d, args.risk, args.sample);
  const declared = crossings.declare({
    input: {
      id: args.id ?? nanoid(),
      checkpointId: d.checkpointId,
      plate: d.vehicle.plate,
      channel: risk.channel,
      riskReasons: risk.reasons,
      priority: priorityClassOf(d),
      declarationComplete: isDeclarationComplete(d),
      declaredAt: args.at,
      vin: d.vehicle.vin ?? null,
      ...(d.driverless ? { driverless: true } : {}),
    },
    code: newBookingCode(),
    declaration: d,
    direction: d.direction,
    owner: args.owner ?? null,
    actor: args.actor,
  });
  return declared.ok ? declared : { ok: false, status: 409, reason: "drive.active" };
}
