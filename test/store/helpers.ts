/** A real SQLite database for store tests: in memory, or a temp file to reopen. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SEED_RISK_POLICY } from "../../seed/risk-rules.ts";
import { declarationSchema } from "../../src/domain/declaration.ts";
import { checkpointStore } from "../../src/store/checkpoints.ts";
import { crossingStore } from "../../src/store/crossings.ts";
import { type DB, openDatabase } from "../../src/store/db.ts";
import { declareTruck } from "../../src/store/declare.ts";
import { seedDatabase } from "../../src/store/seed.ts";
import { declaration } from "../api/support.ts";

export const tempDbPath = () => join(mkdtempSync(join(tmpdir(), "shekara-store-")), "test.db");

export function seededDb(path = ":memory:", demoTraffic = false): DB {
  const db = openDatabase(path);
  seedDatabase(db, { now: Date.UTC(2026, 10, 25, 6), demoPassword: "test-password-1", demoTraffic });
  return db;
}

export function declareOne(db: DB, plate = "777KZA02", at = Date.UTC(2026, 10, 25, 6)) {
  const crossings = crossingStore(db);
  const result = declareTruck(crossings, {
    declaration: declarationSchema.parse(declaration(plate)),
    risk: SEED_RISK_POLICY,
    sample: 0.99,
    at,
    actor: { kind: "driver", id: "test" },
    policy: { requireVin: false },
  });
  if (!result.ok) throw new Error(result.reason);
  return { crossings, checkpoints: checkpointStore(db), crossing: result.crossing };
}
