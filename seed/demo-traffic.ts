/**
 * Demo traffic: trucks in every state, each put there through the machine (the store's one
 * apply path), never by writing a state directly. Seeded, so a fresh start looks the same.
 */
import type { Actor, CrossingEvent, CrossingState } from "../machines/index.ts";
import type { Declaration } from "../src/domain/declaration.ts";
import type { Random } from "../src/domain/random.ts";
import type { StoredCheckpoint } from "../src/store/checkpoints.ts";
import type { CrossingStore } from "../src/store/crossings.ts";
import { declareTruck } from "../src/store/declare.ts";
import { SEED_RISK_POLICY } from "./risk-rules.ts";

const MINUTE = 60_000;
const officer: Actor = { kind: "officer", id: "seed" };
const driver: Actor = { kind: "driver", id: "seed" };

const CARGO = [
  { description: "Fresh tomatoes", hsCodes: ["0702000000"], perishable: true },
  { description: "Apples", hsCodes: ["0808108000"], perishable: true },
  { description: "Laptops and tablets", hsCodes: ["8471300000"] },
  { description: "Solar panels", hsCodes: ["8541430000"] },
  { description: "Cotton fabric", hsCodes: ["520812"] },
  { description: "Car tyres", hsCodes: ["4011100000"] },
  { description: "Ceramic tiles", hsCodes: ["690721"] },
  { description: "Wine", hsCodes: ["2204210000"] },
  { description: "Paint, flammable", hsCodes: ["3208109000"], dangerousGoodsClass: "3" as const },
  { description: "Children's clothes (aid)", hsCodes: ["611120"], humanitarian: true },
];
const COUNTRIES = ["KZ", "KZ", "KZ", "CN", "CN", "KG", "UZ", "RU"];
const NAMES = [
  "Serik Akhmetov",
  "Nurlan Bekov",
  "Wang Lei",
  "Li Ming",
  "Azamat Usenov",
  "Rustam Karimov",
  "Ivan Petrov",
];

/** What each target state needs after the declaration, in order. */
const PATHS: Record<CrossingState, string[]> = {
  declared: [],
  booked: ["BOOK_LATER"],
  waitingArea: ["BOOK_NOW", "CHECK_IN"],
  called: ["BOOK_NOW", "CHECK_IN", "CALL"],
  documentCheck: ["BOOK_NOW", "CHECK_IN", "CALL", "ARRIVE_AT_LANE"],
  scan: ["BOOK_NOW", "CHECK_IN", "CALL", "ARRIVE_AT_LANE", "DOCS_OK", "SEND_TO_SCAN"],
  physicalInspection: ["BOOK_NOW", "CHECK_IN", "CALL", "ARRIVE_AT_LANE", "DOCS_OK", "SEND_TO_INSPECTION"],
  onHold: ["BOOK_NOW", "CHECK_IN", "CALL", "ARRIVE_AT_LANE", "HOLD"],
  released: ["BOOK_NOW", "CHECK_IN", "CALL", "ARRIVE_AT_LANE", "DOCS_OK", "CLEAR", "RELEASE"],
  refused: ["BOOK_NOW", "CHECK_IN", "CALL", "ARRIVE_AT_LANE", "REFUSE"],
  cancelled: ["BOOK_LATER", "CANCEL"],
  expired: ["BOOK_PAST", "EXPIRE"],
};

/** How many demo trucks to leave in each state at a busy checkpoint. */
const MIX: [CrossingState, number][] = [
  ["declared", 3],
  ["booked", 8],
  ["waitingArea", 12],
  ["called", 2],
  ["documentCheck", 3],
  ["scan", 2],
  ["physicalInspection", 2],
  ["onHold", 2],
  ["released", 14],
  ["refused", 1],
  ["cancelled", 1],
  ["expired", 1],
];

export function plateFor(rnd: Random, country: string): string {
  const digits = () => String(rnd.int(100, 999));
  const letters = () => Array.from({ length: 3 }, () => rnd.pick([..."ABCDEFHKMNPTXY"])).join("");
  if (country === "KZ") return `${digits()}${letters()}${String(rnd.int(1, 19)).padStart(2, "0")}`;
  if (country === "CN") return `新${rnd.pick([..."ABCDFGH"])}${rnd.int(10000, 99999)}`;
  return `${letters().slice(0, 2)}${digits()}${letters().slice(0, 1)}`;
}

/**
 * World manufacturer identifiers of truck makers seen at Kazakhstan's borders (ISO 3780): KAMAZ,
 * Sinotruk, FAW, Shacman, MAN, Scania, DAF, Volvo; the rest of the VIN is drawn from ISO 3779's
 * alphabet (no I, O or Q).
 */
const TRUCK_WMIS = ["XTC", "LZZ", "LFW", "LZG", "WMA", "YS2", "XLR", "YV2"];
const VIN_CHARACTERS = [..."0123456789ABCDEFGHJKLMNPRSTUVWXYZ"];
/**
 * A demo truck's VIN, derived from its plate rather than drawn: the demo's random sequence stays the
 * one it was before trucks had VINs, and one plate always has one VIN.
 */
export function vinFor(plate: string): string {
  let h = 2166136261; // FNV-1a, then a xorshift per character
  for (const ch of plate) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  const next = () => {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    h >>>= 0;
    return h;
  };
  const wmi = TRUCK_WMIS[next() % TRUCK_WMIS.length] ?? "XTC";
  return wmi + Array.from({ length: 14 }, () => VIN_CHARACTERS[next() % VIN_CHARACTERS.length]).join("");
}

export function demoDeclaration(rnd: Random, checkpointId: string): Declaration {
  const country = rnd.pick(COUNTRIES);
  const cargo = rnd.pick(CARGO);
  const weight = rnd.int(8, 24) * 1000;
  const transit = rnd.next() < 0.4;
  const declaration: Declaration = {
    checkpointId,
    direction: transit ? "transit" : rnd.pick(["export", "import"] as const),
    vehicle: { plate: plateFor(rnd, country), country, trailerPlate: plateFor(rnd, country) },
    driver: { name: rnd.pick(NAMES), phone: `+7701${rnd.int(1000000, 9999999)}` },
    cargo: { ...cargo, grossWeightKg: weight, valueUsd: weight * rnd.int(2, 30) },
    transitDocument: transit ? { type: "TIR", number: `XA${rnd.int(10000000, 99999999)}` } : { type: "none" },
  };
  declaration.vehicle.vin = vinFor(declaration.vehicle.plate);
  return declaration;
}

export function seedDemoTraffic(
  crossings: CrossingStore,
  cp: StoredCheckpoint,
  rnd: Random,
  now: number,
): number {
  const slotMs = cp.config.slotMinutes * MINUTE;
  const currentSlot = Math.floor(now / slotMs) * slotMs;
  const policy = { walkInsAllowed: cp.config.walkInsAllowed, graceMinutes: cp.config.graceMinutes };
  let lane = 0;
  let made = 0;
  for (const [target, count] of MIX) {
    for (let i = 0; i < count; i++) {
      const steps = PATHS[target];
      // Start far enough back that every step happens before now.
      let at = now - (steps.length + 2) * 25 * MINUTE - rnd.int(0, 20) * MINUTE;
      const declared = declareTruck(crossings, {
        declaration: demoDeclaration(rnd, cp.id),
        risk: SEED_RISK_POLICY,
        sample: rnd.next(),
        at,
        actor: driver,
        policy: { requireVin: false },
      });
      if (!declared.ok) continue;
      const { id } = declared.crossing.row;
      const channel = declared.crossing.crossing.context.channel;
      // A yellow truck is released after its scan, a red one after its inspection.
      const path = steps.flatMap((step) =>
        step !== "CLEAR"
          ? [step]
          : channel === "yellow"
            ? ["SEND_TO_SCAN", "SCAN_CLEAR"]
            : channel === "red"
              ? ["SEND_TO_INSPECTION", "INSPECTION_PASSED"]
              : [],
      );
      for (const step of path) {
        at += rnd.int(3, 20) * MINUTE;
        // a truck still on its way to the lane was called minutes ago, not hours: its deadline is ahead
        if (target === "called" && step === "CALL") at = Math.max(at, now - 5 * MINUTE);
        const event = stepEvent(step, {
          at,
          currentSlot,
          slotMs,
          policy,
          lane: (lane % cp.config.documentLanes) + 1,
        });
        if (step === "CALL") lane++;
        const result = crossings.apply(id, event);
        if (!result.ok) throw new Error(`seed: ${step} for a ${target} truck: ${result.reason}`);
      }
      made++;
    }
  }
  return made;
}

function stepEvent(
  step: string,
  s: {
    at: number;
    currentSlot: number;
    slotMs: number;
    policy: { walkInsAllowed: boolean; graceMinutes: number };
    lane: number;
  },
): CrossingEvent {
  const base = { at: s.at, actor: officer };
  switch (step) {
    case "BOOK_NOW":
      return {
        ...base,
        actor: driver,
        type: "BOOK",
        slot: { start: s.currentSlot, end: s.currentSlot + s.slotMs },
      };
    case "BOOK_LATER":
      return {
        ...base,
        actor: driver,
        type: "BOOK",
        slot: { start: s.currentSlot + 4 * s.slotMs, end: s.currentSlot + 5 * s.slotMs },
      };
    case "BOOK_PAST":
      return { ...base, actor: driver, type: "BOOK", slot: { start: s.at, end: s.at + MINUTE } };
    case "CHECK_IN":
      return { ...base, type: "CHECK_IN", policy: s.policy };
    case "CALL":
      return { ...base, type: "CALL", lane: s.lane, deadline: s.at + 20 * MINUTE };
    case "DOCS_OK":
      return { ...base, type: "RECORD_DOCUMENT_CHECK", passed: true };
    case "SCAN_CLEAR":
      return { ...base, type: "RECORD_SCAN", result: "clear" };
    case "INSPECTION_PASSED":
      return { ...base, type: "RECORD_INSPECTION", result: "passed" };
    case "HOLD":
      return { ...base, type: "HOLD", documents: "phytosanitary certificate" };
    case "REFUSE":
      return { ...base, type: "REFUSE", reasonCode: "DOCS-INVALID" };
    case "CANCEL":
      return { ...base, actor: driver, type: "CANCEL", reason: "trip cancelled" };
    default:
      return { ...base, type: step } as CrossingEvent;
  }
}
