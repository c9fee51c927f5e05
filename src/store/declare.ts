/** Lodging a pre-declaration: risk rules pick the channel, the machine starts the crossing. */
import { customAlphabet, nanoid } from "nanoid";
import type { Actor } from "../../machines/index.ts";
import { type Declaration, isDeclarationComplete, priorityClassOf } from "../domain/declaration.ts";
import { assessRisk, type RiskPolicy } from "../domain/risk.ts";
import type { CrossingStore, StoredCrossing } from "./crossings.ts";

/** 8 characters without look-alikes (no 0/O, 1/I/L): read aloud over a weak phone line. */
export const BOOKING_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const newBookingCode = customAlphabet(BOOKING_CODE_ALPHABET, 8);

export type DeclareOutcome =
  | { ok: true; crossing: StoredCrossing }
  | { ok: false; status: 409; reason: string; activeCrossingCode?: string };

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
    activeCodeFor: (checkpointId: string, plate: string) => string | null;
    /** the crossing's id when the caller chose it (the hub's vehicle claim names it first, issue 17) */
    id?: string;
  },
): DeclareOutcome {
  const d = args.declaration;
  const active = args.activeCodeFor(d.checkpointId, d.vehicle.plate);
  if (active) {
    return {
      ok: false,
      status: 409,
      reason: `this truck already has an active crossing at this checkpoint (code ${active})`,
      activeCrossingCode: active,
    };
  }
  const risk = assessRisk(d, args.risk, args.sample);
  const crossing = crossings.declare({
    input: {
      id: args.id ?? nanoid(),
      checkpointId: d.checkpointId,
      plate: d.vehicle.plate,
      channel: risk.channel,
      riskReasons: risk.reasons,
      priority: priorityClassOf(d),
      declarationComplete: isDeclarationComplete(d),
      declaredAt: args.at,
    },
    code: newBookingCode(),
    declaration: d,
    direction: d.direction,
    owner: args.owner ?? null,
    actor: args.actor,
  });
  return { ok: true, crossing };
}
