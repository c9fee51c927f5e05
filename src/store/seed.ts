/** First-start seeding: checkpoints, demo users, demo traffic. Runs only on an empty database. */
import { randomBytes } from "node:crypto";
import { SEED_CHECKPOINTS } from "../../seed/checkpoints.ts";
import { seedDemoTraffic } from "../../seed/demo-traffic.ts";
import { DEMO_USERS } from "../../seed/users.ts";
import { seededRandom } from "../domain/random.ts";
import { checkpointStore } from "./checkpoints.ts";
import { crossingStore } from "./crossings.ts";
import type { DB } from "./db.ts";
import { hashPasswordAtStartup } from "./passwords.ts";
import { userStore } from "./users.ts";

export interface SeedOptions {
  now: number;
  /** the demo users' password; generated and printed once when not given */
  demoPassword?: string;
  /** demo trucks in every state; off for tests that want an empty checkpoint */
  demoTraffic?: boolean;
  log?: (line: string) => void;
  /** CHECKPOINTS (issue 17): demo trucks only at the checkpoints this post serves; absent: all */
  servedCheckpoints?: readonly string[] | null;
}

export function isSeeded(db: DB): boolean {
  return (db.prepare("SELECT count(*) FROM checkpoints").pluck().get() as number) > 0;
}

export function seedDatabase(db: DB, opts: SeedOptions): void {
  const log = opts.log ?? (() => {});
  const checkpoints = checkpointStore(db);
  const users = userStore(db);
  const crossings = crossingStore(db);
  const password = opts.demoPassword ?? randomBytes(9).toString("base64url");
  db.transaction(() => {
    for (const c of SEED_CHECKPOINTS) checkpoints.insert(c, opts.now);
    // the demo users share one password and so one hash; made before the server listens
    const hash = hashPasswordAtStartup(password);
    for (const u of DEMO_USERS) users.create(u, hash, opts.now);
    if (opts.demoTraffic !== false) {
      const rnd = seededRandom(2025_11_13);
      for (const id of ["nur-zholy", "bakhty", "korday"]) {
        if (opts.servedCheckpoints && !opts.servedCheckpoints.includes(id)) continue;
        const cp = checkpoints.get(id);
        if (cp) seedDemoTraffic(crossings, cp, rnd, opts.now);
      }
      // the demo trucks' past is made up: their notices show on their pages but are not sent anywhere
      db.prepare("UPDATE notifications SET sent_at = created_at WHERE sent_at IS NULL").run();
    }
  })();
  log(`Seeded ${SEED_CHECKPOINTS.length} checkpoints and ${DEMO_USERS.length} demo users.`);
  if (!opts.demoPassword) {
    log(`Demo users (${DEMO_USERS.map((u) => u.username).join(", ")}) have the password: ${password}`);
    log(
      "It is shown only this once; set SHEKARA_DEMO_PASSWORD to choose it, or reseed with npm run seed -- --reset.",
    );
  }
}
