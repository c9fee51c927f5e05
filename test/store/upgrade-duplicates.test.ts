/**
 * Upgrading a post that holds one truck at two checkpoints (issue 14's rule was one per checkpoint
 * before migration 110): the database opens, the server starts and names the pair in its log, new
 * duplicates are refused meanwhile, and the installation-wide unique indexes are made at the first
 * start after a supervisor has voided the later crossing.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { crossingStore } from "../../src/store/crossings.ts";
import { migrate, openDatabase } from "../../src/store/db.ts";
import { trucksActiveTwice } from "../../src/store/one-truck-indexes.ts";
import { declaration } from "../api/support.ts";
import { startServer } from "../support/server.ts";

const indexes = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'crossings_one_active%' ORDER BY name",
      )
      .pluck()
      .all();
  } finally {
    db.close();
  }
};

describe("a post upgraded while it holds one truck at two checkpoints", () => {
  it("migrates a database from before migration 110 holding the truck twice, in Cyrillic and Latin", () => {
    const path = join(mkdtempSync(join(tmpdir(), "shekara-upgrade-")), "old.db");
    const old = new Database(path);
    migrate(old, { before: "110" });
    const insertCheckpoint = old.prepare(
      `INSERT INTO checkpoints (id, name, names, neighbour, neighbour_checkpoint, config, updated_at)
       VALUES (?, ?, '{}', 'CN', 'x', '{}', 0)`,
    );
    insertCheckpoint.run("nur-zholy", "Nur Zholy");
    insertCheckpoint.run("bakhty", "Bakhty");
    const insertCrossing = old.prepare(
      `INSERT INTO crossings (id, code, checkpoint_id, plate, direction, state, channel, priority, declaration,
         snapshot, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'export', ?, 'green', 'ordinary', '{}', '{}', ?, ?)`,
    );
    insertCrossing.run("a", "AAAA1111", "nur-zholy", "555ABC02", "booked", 1, 1);
    insertCrossing.run("b", "BBBB2222", "bakhty", "555АВС02", "declared", 2, 2); // Cyrillic А, В, С
    insertCrossing.run("c", "CCCC3333", "bakhty", "777XYZ02", "released", 3, 3);
    old.close();

    // it opens (before, migration 110 stopped it with a UNIQUE failure) and names the pair
    const db = openDatabase(path);
    try {
      expect(trucksActiveTwice(db)).toEqual([
        {
          key: "555ABC02",
          by: "plate",
          crossings: [
            { code: "AAAA1111", checkpointId: "nur-zholy", createdAt: 1 },
            { code: "BBBB2222", checkpointId: "bakhty", createdAt: 2 },
          ],
        },
      ]);
    } finally {
      db.close();
    }
    expect(indexes(path)).toEqual([]);
  });

  it("starts, names the pair in its log, refuses a third, and makes the indexes once the later one is voided", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "shekara-upgrade-")), "post.db");
    // two trucks declared under the rules of today, then made one truck as the old rule allowed
    const first = await startServer({ dbPath: path, env: { SEED_DEMO_TRAFFIC: "off" } });
    const ids: string[] = [];
    try {
      for (const [plate, cp] of [
        ["555ABC02", "nur-zholy"],
        ["556ABC02", "korday"],
      ] as const) {
        const res = await fetch(`${first.url}/api/v1/crossings`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(declaration(plate, cp)),
        });
        expect(res.status).toBe(201);
        ids.push(((await res.json()) as { id: string }).id);
      }
    } finally {
      await first.stop();
    }
    const db = new Database(path);
    db.exec("DROP INDEX crossings_one_active_per_truck; DROP INDEX crossings_one_active_per_vin");
    db.prepare("UPDATE crossings SET plate_key = '555ABC02' WHERE id = ?").run(ids[1]);
    const codes = db
      .prepare("SELECT code FROM crossings WHERE id IN (?, ?) ORDER BY created_at, code")
      .pluck()
      .all(...ids);
    db.close();

    const server = await startServer({ dbPath: path, env: { VERIFY_LOG_ON_CLOSE: "off" } });
    try {
      expect((await fetch(`${server.url}/healthz`)).ok).toBe(true);
      expect(server.output()).toMatch(/1 truck\(s\) hold more than one active crossing/);
      expect(server.output()).toContain(`plate 555ABC02: ${codes[0]} at`);
      expect(server.output()).toContain(`then ${codes[1]} at`);
      // the rule holds meanwhile
      const third = await fetch(`${server.url}/api/v1/crossings`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(declaration("555 ABC 02", "bakhty")),
      });
      expect(third.status).toBe(409);
    } finally {
      await server.stop();
    }
    expect(indexes(path)).toEqual([]);

    // a supervisor voids the later one, through the machine
    const again = new Database(path);
    const voided = crossingStore(again).apply(
      ids[1] as string,
      {
        type: "VOID",
        reason: "the same truck as an earlier crossing",
        at: Date.now(),
        actor: { kind: "supervisor", id: "upgrade-test" },
      } as never,
    );
    again.close();
    expect(voided.ok).toBe(true);

    const restarted = await startServer({ dbPath: path, env: { VERIFY_LOG_ON_CLOSE: "off" } });
    try {
      expect(restarted.output()).not.toMatch(/more than one active crossing/);
    } finally {
      await restarted.stop();
    }
    expect(indexes(path)).toEqual(["crossings_one_active_per_truck", "crossings_one_active_per_vin"]);
  }, 240_000);
});
