/**
 * The Smart Customs gate's one request (issue 22): find the truck by the plate or VIN the gate
 * read, check it in if it is not in yet, and give the machine the read. The machine decides
 * whether the barrier lifts (GATE_READ's two transitions); this module holds no rule. Everything
 * happens in one savepoint of the group commit (group-commit.ts: reads that arrive together share
 * one flush to disk, each answered once it is durable), with the answer kept under the gate's read
 * id, so a read sent again (a timeout, a retry) gets the first answer back and changes nothing.
 */
import {
  type Actor,
  type CrossingEvent,
  type CrossingState,
  type GateDecision,
  STATE_SETS,
} from "../../machines/index.ts";
import { type Checkpoint, checkInPolicy, smartLanePolicy } from "../domain/checkpoint.ts";
import { canonicalPlate, canonicalVin } from "../domain/identity.ts";
import type { ApiKeyStore, AuditEntry } from "./api-keys.ts";
import type { AppliedChange, CrossingRow, CrossingStore } from "./crossings.ts";
import type { DB } from "./db.ts";
import { groupCommit } from "./group-commit.ts";
// the partial unique indexes of migration 110 are written with this very condition, so they are used
import { ACTIVE } from "./one-active-crossing.ts";

/** What the gate does and why: the body of the gate's answer. */
export interface GateAnswer {
  readId: string;
  crossingId: string;
  plate: string;
  driverless: boolean;
  /** open: the truck leaves through the Smart Customs lane; closed: it goes to a manned lane */
  barrier: "open" | "closed";
  decision: GateDecision["decision"];
  reasonCode: GateDecision["reasonCode"];
  reason: string | null;
  state: CrossingState;
  at: string;
}

export type GateOutcome =
  | { ok: true; answer: GateAnswer; replayed: boolean }
  | { ok: false; status: 404 | 409; reason: string };

export interface GateRead {
  keyId: string;
  /** the API's audit row of the request, written with the read's change when the read is answered */
  audit: Omit<AuditEntry, "id">;
  readId: string;
  checkpoint: Checkpoint;
  plate?: string;
  vin?: string;
  at: number;
  actor: Actor;
}

/**
 * The vehicle as the gate read it, canonical: "plate|vin", either part empty when not read. A read
 * sent again carries the same body, so the same vehicle.
 */
const vehicleRead = (r: Pick<GateRead, "plate" | "vin">): string =>
  `${r.plate ? canonicalPlate(r.plate) : ""}|${r.vin ? canonicalVin(r.vin) : ""}`;

const shownVehicle = (vehicle: string): string => {
  const [plate, vin] = vehicle.split("|");
  return [plate ? `plate ${plate}` : "", vin ? `VIN ${vin}` : ""].filter(Boolean).join(", ");
};

export function smartGateStore(db: DB, crossings: CrossingStore, keys: Pick<ApiKeyStore, "audit">) {
  const together = groupCommit(db);
  const byVin = db.prepare(
    `SELECT * FROM crossings WHERE vin = ? AND vin IS NOT NULL AND checkpoint_id = ? AND ${ACTIVE}`,
  );
  const byPlate = db.prepare(
    `SELECT * FROM crossings WHERE plate_key = ? AND checkpoint_id = ? AND ${ACTIVE}`,
  );
  const earlier = db.prepare("SELECT answer, vehicle FROM gate_reads WHERE key_id = ? AND read_id = ?");
  const keep = db.prepare(
    "INSERT INTO gate_reads (key_id, read_id, crossing_id, answer, at, vehicle) VALUES (?, ?, ?, ?, ?, ?)",
  );

  /** The VIN first: a plate can be swapped onto another vehicle, its VIN cannot. The whole row: the
   * machine is given it as read here, in the same savepoint, without reading it again by id. */
  type Found = CrossingRow | undefined;
  const find = (r: GateRead): Found =>
    ((r.vin ? byVin.get(canonicalVin(r.vin), r.checkpoint.id) : undefined) ??
      (r.plate ? byPlate.get(canonicalPlate(r.plate), r.checkpoint.id) : undefined)) as Found;

  // runs in its own savepoint of the group commit's transaction
  const readOnce = (r: GateRead, changes: AppliedChange[]): GateOutcome => {
    const vehicle = vehicleRead(r);
    const kept = earlier.get(r.keyId, r.readId) as { answer: string; vehicle: string | null } | undefined;
    if (kept && kept.vehicle !== null && kept.vehicle !== vehicle)
      return {
        ok: false,
        status: 409,
        reason: `read id ${r.readId} was given before for another vehicle (${shownVehicle(kept.vehicle)}); give each read an id of its own`,
      };
    if (kept) {
      keys.audit(r.audit);
      return { ok: true, answer: JSON.parse(kept.answer) as GateAnswer, replayed: true };
    }
    const found = find(r);
    if (!found) return { ok: false, status: 404, reason: "no truck with that plate or VIN is expected here" };
    const read: CrossingEvent = {
      type: "GATE_READ",
      at: r.at,
      actor: r.actor,
      ...(r.plate ? { plateRead: r.plate } : {}),
      ...(r.vin ? { vinRead: r.vin } : {}),
      lane: smartLanePolicy(r.checkpoint.config),
    };
    // not in the waiting area yet: the gate's read is its arrival too. Both events are one change of
    // the crossing: a read the machine refuses leaves no check-in behind.
    const events: CrossingEvent[] = STATE_SETS.beforeArrival.includes(found.state)
      ? [
          {
            type: "CHECK_IN",
            at: r.at,
            actor: r.actor,
            policy: checkInPolicy(r.checkpoint.config),
            ...(r.vin ? { vin: r.vin } : {}),
          },
          read,
        ]
      : [read];
    const outcome = crossings.applyAll(found, events);
    if (!outcome.ok) return { ok: false, status: 409, reason: outcome.reason };
    changes.push(...outcome.changes);
    const after = outcome.changes.at(-1)?.crossing;
    if (!after) throw new Error("the gate's read left no crossing");
    const gate = after.crossing.context.gate as GateDecision;
    const answer: GateAnswer = {
      readId: r.readId,
      crossingId: found.id,
      plate: after.row.plate,
      driverless: after.row.driverless === 1,
      barrier: gate.decision === "released" ? "open" : "closed",
      decision: gate.decision,
      reasonCode: gate.reasonCode,
      reason: gate.reason,
      state: after.row.state,
      at: new Date(r.at).toISOString(),
    };
    keep.run(r.keyId, r.readId, found.id, JSON.stringify(answer), r.at, vehicle);
    keys.audit(r.audit);
    return { ok: true, answer, replayed: false };
  };

  return {
    async read(r: GateRead): Promise<GateOutcome> {
      const changes: AppliedChange[] = [];
      const outcome = await together(() => readOnce(r, changes));
      // told only once the whole read has committed: live pages and the webhooks wake now
      if (outcome.ok) for (const change of changes) crossings.notifyCommitted(change);
      return outcome;
    },
  };
}

export type SmartGateStore = ReturnType<typeof smartGateStore>;
