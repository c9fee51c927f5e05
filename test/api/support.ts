/** An in-memory Shekara for API tests: keys of each kind, and trucks declared through the store. */
import { SEED_RISK_POLICY } from "../../seed/risk-rules.ts";
import { readConfig } from "../../src/config.ts";
import type { NewApiKey } from "../../src/domain/api-access.ts";
import type { DeclarationInput } from "../../src/domain/declaration.ts";
import { declarationSchema } from "../../src/domain/declaration.ts";
import { createRuntime } from "../../src/runtime.ts";
import { declareTruck } from "../../src/store/declare.ts";

export const DRIVER_NAME = "Serik Akhmetov";
export const DRIVER_PHONE = "+77011234567";

export function testRuntime(env: Record<string, string> = {}) {
  return createRuntime(
    readConfig({
      VERIFY_LOG_ON_CLOSE: "on",
      DATABASE_PATH: ":memory:",
      SEED_DEMO_TRAFFIC: "off",
      SHEKARA_DEMO_PASSWORD: "test-password-1",
      // in-process requests share one address; tests of the limit set it themselves
      RATE_LIMIT_PER_MINUTE: "0",
      ...env,
    }),
    () => {},
  );
}
export type TestRuntime = ReturnType<typeof testRuntime>;

export function newKey(rt: TestRuntime, input: NewApiKey) {
  return rt.deps.apiKeys.create(input, { userId: "test-admin" }, rt.deps.now());
}

/** `complete`: with the trailer and the value, as the unmanned green lane requires */
export const declaration = (
  plate: string,
  checkpointId = "nur-zholy",
  complete = false,
): DeclarationInput => ({
  checkpointId,
  direction: "export",
  vehicle: { plate, country: "KZ", ...(complete ? { trailerPlate: `T${plate}` } : {}) },
  driver: { name: DRIVER_NAME, phone: DRIVER_PHONE },
  cargo: {
    description: "Apples",
    hsCodes: ["080810"],
    grossWeightKg: 20000,
    ...(complete ? { valueUsd: 18_000 } : {}),
  },
  transitDocument: { type: "none" },
});

/** A truck declared (as a carrier's key, when `owner` is given) and booked into the current slot. */
export function declareAndBook(
  rt: TestRuntime,
  plate: string,
  opts: { owner?: string; checkpointId?: string; complete?: boolean } = {},
) {
  const at = rt.deps.now();
  const actor = opts.owner
    ? { kind: "carrier" as const, id: opts.owner }
    : { kind: "driver" as const, id: "test" };
  const declared = declareTruck(rt.deps.crossings, {
    declaration: declarationSchema.parse(declaration(plate, opts.checkpointId, opts.complete)),
    risk: SEED_RISK_POLICY,
    sample: 0.99,
    at,
    actor,
    owner: opts.owner ?? null,
    policy: { requireVin: false },
  });
  if (!declared.ok) throw new Error(declared.reason);
  const id = declared.crossing.row.id;
  const slotMs = 30 * 60_000;
  const start = Math.floor(at / slotMs) * slotMs;
  const booked = rt.deps.crossings.apply(id, {
    type: "BOOK",
    at,
    actor,
    slot: { start, end: start + slotMs },
  });
  if (!booked.ok) throw new Error(booked.reason);
  return id;
}

export const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });
