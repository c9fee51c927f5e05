/** Fills a database file with many active crossings, each put there through the machine. */

import { demoDeclaration } from "../../seed/demo-traffic.ts";
import { SEED_RISK_POLICY } from "../../seed/risk-rules.ts";
import { seededRandom } from "../../src/domain/random.ts";
import { checkpointStore } from "../../src/store/checkpoints.ts";
import { crossingStore } from "../../src/store/crossings.ts";
import { openDatabase } from "../../src/store/db.ts";
import { declareTruck } from "../../src/store/declare.ts";
import { seedDatabase } from "../../src/store/seed.ts";
import { DEMO_PASSWORD } from "../support/server.ts";

const MINUTE = 60_000;

/** `count` trucks spread over the checkpoints, booked into the next days' slots, a third checked in. */
export function fillWithActiveCrossings(path: string, count: number, now = Date.now()): void {
  const db = openDatabase(path);
  seedDatabase(db, { now, demoPassword: DEMO_PASSWORD, demoTraffic: false });
  const crossings = crossingStore(db);
  const checkpoints = checkpointStore(db).list();
  const rnd = seededRandom(7);
  const driver = { kind: "driver" as const, id: "fill" };
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const cp = checkpoints[i % checkpoints.length];
      if (!cp) continue;
      const declared = declareTruck(crossings, {
        declaration: {
          ...demoDeclaration(rnd, cp.id),
          vehicle: { plate: `F${String(i).padStart(7, "0")}`, country: "KZ" },
        },
        risk: SEED_RISK_POLICY,
        sample: rnd.next(),
        at: now - 60 * MINUTE,
        actor: driver,
        policy: { requireVin: false },
      });
      if (!declared.ok) throw new Error(declared.reason);
      const slotMs = cp.config.slotMinutes * MINUTE;
      const start = Math.floor(now / slotMs) * slotMs + (i % 48) * slotMs;
      const booked = crossings.apply(declared.crossing.row.id, {
        type: "BOOK",
        at: now - 50 * MINUTE,
        actor: driver,
        slot: { start, end: start + slotMs },
      });
      if (!booked.ok) throw new Error(booked.reason);
      if (i % 3 === 0 && start <= now) {
        crossings.apply(declared.crossing.row.id, {
          type: "CHECK_IN",
          at: now - 10 * MINUTE,
          actor: { kind: "officer", id: "fill" },
          policy: { walkInsAllowed: true, graceMinutes: cp.config.graceMinutes },
        });
      }
    }
  })();
  db.close();
}
