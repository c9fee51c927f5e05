/**
 * The world the OpenAPI document's examples describe, built into a database file before a server
 * process starts on it: the keys the examples use, and a truck in the state each example needs.
 * Crossing and subscription ids are drawn by the store, so the world returns what each id shown
 * in the examples stands for here.
 */

import type { CrossingEvent } from "../../machines/index.ts";
import { SEED_RISK_POLICY } from "../../seed/risk-rules.ts";
import { declarationSchema } from "../../src/domain/declaration.ts";
import { exampleDeclaration, exampleDriverlessDeclaration } from "../../src/http/api/examples/drivers.ts";
import { EXAMPLE_IDS } from "../../src/http/api/examples/ids.ts";
import { callNextStore } from "../../src/store/call-next.ts";
import { declareTruck } from "../../src/store/declare.ts";
import { webhookStore } from "../../src/store/webhooks.ts";
import { newKey, testRuntime } from "./support.ts";

export interface ExampleWorld {
  /** an API key secret per kind; the device key is Bakhty's camera and unmanned lane */
  keys: { carrier: string; monitor: string; device: string; nurZholyCamera: string; gate: string };
  /** example value -> the live value it stands for */
  ids: Map<string, string>;
}

export function buildExampleWorld(dbPath: string): ExampleWorld {
  const rt = testRuntime({ DATABASE_PATH: dbPath });
  try {
    const { crossings, checkpoints } = rt.deps;
    const at = rt.deps.now();
    const system = { kind: "officer" as const, id: "example-world" };
    const carrier = newKey(rt, { kind: "carrier", label: "Example carrier" });
    const ids = new Map<string, string>();

    const apply = (id: string, event: CrossingEvent) => {
      const outcome = crossings.apply(id, event);
      if (!outcome.ok) throw new Error(`example world: ${event.type} refused: ${outcome.reason}`);
    };
    /** A green truck (the random scan never picks it) with a complete declaration, taken as far as `upTo`. */
    const truck = (
      plate: string,
      checkpointId: string,
      upTo: "declared" | "booked" | "waitingArea",
      opts: { owner?: string; driverless?: boolean } = {},
    ) => {
      const declared = declareTruck(crossings, {
        declaration: declarationSchema.parse(
          opts.driverless
            ? exampleDriverlessDeclaration(plate, EXAMPLE_IDS.gateVin, checkpointId)
            : exampleDeclaration(plate, checkpointId),
        ),
        risk: SEED_RISK_POLICY,
        sample: 0.99,
        at,
        actor: opts.owner ? { kind: "carrier", id: opts.owner } : { kind: "driver", id: "example" },
        owner: opts.owner ?? null,
        policy: { requireVin: false },
      });
      if (!declared.ok) throw new Error(declared.reason);
      const id = declared.crossing.row.id;
      if (upTo === "declared") return id;
      const cp = checkpoints.get(checkpointId);
      if (!cp) throw new Error(`no checkpoint ${checkpointId}`);
      // the slot running now, so the truck may check in at once
      const slotMs = cp.config.slotMinutes * 60_000;
      const start = Math.floor(at / slotMs) * slotMs;
      apply(id, { type: "BOOK", at, actor: system, slot: { start, end: start + slotMs } });
      if (upTo === "booked") return id;
      const { walkInsAllowed, graceMinutes } = cp.config;
      apply(id, { type: "CHECK_IN", at, actor: system, policy: { walkInsAllowed, graceMinutes } });
      return id;
    };

    ids.set(EXAMPLE_IDS.declaredCrossing, truck("410DEC02", "nur-zholy", "declared"));
    ids.set(EXAMPLE_IDS.queuedCrossing, truck("411QUE02", "korday", "waitingArea"));
    ids.set(EXAMPLE_IDS.bookedCrossing, truck("412BOO02", "nur-zholy", "booked"));
    ids.set(EXAMPLE_IDS.cancelledCrossing, truck("413CAN02", "nur-zholy", "booked"));
    ids.set(
      EXAMPLE_IDS.carrierCrossing,
      truck(EXAMPLE_IDS.carrierPlate, "korday", "declared", { owner: carrier.key.id }),
    );
    // Bakhty: a booked truck for the camera, a complete green one in the waiting area for the gate
    truck(EXAMPLE_IDS.arrivingPlate, "bakhty", "booked");
    truck(EXAMPLE_IDS.unmannedPlate, "bakhty", "waitingArea");
    // issue 22: a carrier's crossing its system books, and its driverless truck the Smart Customs gate reads
    ids.set(EXAMPLE_IDS.carrierToBook, truck("420BOK02", "korday", "declared", { owner: carrier.key.id }));
    truck(EXAMPLE_IDS.gatePlate, "bakhty", "booked", { owner: carrier.key.id, driverless: true });
    // Nur Zholy: one truck already called to a lane, then one waiting for the next call
    const atLane = truck("414LAN02", "nur-zholy", "waitingArea");
    const called = callNextStore(rt.deps.db, crossings, checkpoints).callNext("nur-zholy", at, system);
    if (!called.ok || called.crossing.row.id !== atLane) throw new Error("example world: no truck called");
    ids.set(EXAMPLE_IDS.calledCrossing, atLane);
    truck("415WAI02", "nur-zholy", "waitingArea");

    const sub = webhookStore(rt.deps.db).subscribe({
      keyId: carrier.key.id,
      url: "https://tms.example.kz/shekara/old-hook",
      secret: "an-old-secret-of-the-carrier",
      at,
    });
    ids.set(EXAMPLE_IDS.subscription, sub.id);

    return {
      keys: {
        carrier: carrier.secret,
        monitor: newKey(rt, { kind: "monitor", label: "Example monitor" }).secret,
        device: newKey(rt, { kind: "device", label: "Bakhty gate", checkpointId: "bakhty" }).secret,
        nurZholyCamera: newKey(rt, { kind: "device", label: "Nur Zholy camera", checkpointId: "nur-zholy" })
          .secret,
        gate: newKey(rt, { kind: "gate", label: "Bakhty Smart Customs gate", checkpointId: "bakhty" }).secret,
      },
      ids,
    };
  } finally {
    rt.close();
  }
}
