/** Recorded history for the card's tests: declared crossings per day and releases per day. */
import { seededRandom } from "../../src/domain/random.ts";
import { localDayStart } from "../../src/domain/slots.ts";
import { type DB, openDatabase } from "../../src/store/db.ts";
import { startServer } from "../support/server.ts";

const DAY_MS = 86_400_000;

/**
 * `days` days ending yesterday in the checkpoint's zone (Asia/Almaty), at local noon:
 * `demand()` trucks declared each day and `accepted()` of them released. Written straight into the
 * tables, as if the live system had recorded them; the releases go in as released-to-released so
 * the drivers' notification trigger leaves these made-up trucks alone.
 */
export function seedHistory(
  db: DB,
  checkpointId: string,
  now: number,
  days: number,
  demand: (r: ReturnType<typeof seededRandom>) => number,
  accepted: (r: ReturnType<typeof seededRandom>) => number,
): void {
  const r = seededRandom(18);
  const crossing = db.prepare(
    `INSERT INTO crossings (id, code, checkpoint_id, plate, direction, state, channel, priority, declaration,
       snapshot, event_count, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'released', 'green', 'ordinary', '{}', '{}', 1, ?, ?)`,
  );
  const release = db.prepare(
    `INSERT INTO crossing_events (crossing_id, n, type, payload, from_state, to_state, at, actor_kind, actor_id)
     VALUES (?, 1, 'RELEASE', '{}', 'released', 'released', ?, 'officer', 'history')`,
  );
  const today = localDayStart(now, "Asia/Almaty");
  db.transaction(() => {
    let k = 0;
    for (let d = days; d >= 1; d--) {
      const noon = today - d * DAY_MS + 12 * 3_600_000;
      const wanted = demand(r);
      const released = Math.min(wanted, accepted(r));
      for (let i = 0; i < wanted; i++) {
        const id = `h${k++}`;
        crossing.run(
          id,
          `H${String(k).padStart(7, "0")}`,
          checkpointId,
          `HIST${k}`,
          i % 2 ? "export" : "import",
          noon,
          noon,
        );
        if (i < released) release.run(id, noon + 3_600_000);
      }
    }
  })();
}

/** Nur Zholy as in November 2025: four months of 1,000-1,200 trucks a day asking, 700-750 released. */
export const seedNovemberHistory = (db: DB, now: number) =>
  seedHistory(
    db,
    "nur-zholy",
    now,
    120,
    (r) => r.int(1000, 1200),
    (r) => r.int(700, 750),
  );

/** A real server process whose database holds that history, for the browser tests. */
export async function serverWithNovemberHistory() {
  const server = await startServer({ env: { SEED_DEMO_TRAFFIC: "off" } });
  const db = openDatabase(server.dbPath);
  seedNovemberHistory(db, Date.now());
  return {
    server,
    db,
    async stop() {
      db.close();
      await server.stop();
    },
  };
}
