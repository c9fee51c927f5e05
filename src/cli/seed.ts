/** `npm run seed [-- --reset]`: seed an empty database, or rebuild it from scratch. */
import { existsSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { readConfig } from "../config.ts";
import { openDatabase } from "../store/db.ts";
import { isSeeded, seedDatabase } from "../store/seed.ts";

const { values } = parseArgs({ options: { reset: { type: "boolean", default: false } } });
const config = readConfig();
const path = config.DATABASE_PATH;

if (values.reset && path !== ":memory:") {
  for (const suffix of ["", "-wal", "-shm"]) if (existsSync(path + suffix)) rmSync(path + suffix);
  console.log(`Removed ${path}`);
}
const db = openDatabase(path);
if (isSeeded(db)) {
  console.log(`${path} is already seeded; use --reset to rebuild it.`);
} else {
  seedDatabase(db, {
    now: Date.now(),
    demoPassword: config.SHEKARA_DEMO_PASSWORD,
    demoTraffic: config.SEED_DEMO_TRAFFIC === "on",
    log: console.log,
  });
}
db.close();
