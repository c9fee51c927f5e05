/**
 * The WAL checkpoints on a thread of their own (wal-checkpoints.ts): the log's pages reach the
 * database file while the server's connection never checkpoints inside a commit, and once the thread
 * stops the server's connection checkpoints itself again.
 */
import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.ts";
import { groupCommit } from "../../src/store/group-commit.ts";
import { FALLBACK_PAGES, startWalCheckpoints } from "../../src/store/wal-checkpoints.ts";
import { tempDbPath } from "./helpers.ts";

const until = async (what: () => boolean, ms = 30_000) => {
  const deadline = Date.now() + ms;
  while (!what()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** A database with a table to fill a page per row, its log empty; `size` is the database file's. */
function fillerDatabase() {
  const path = tempDbPath();
  const db = openDatabase(path);
  db.exec("CREATE TABLE filler (x BLOB NOT NULL)");
  db.pragma("wal_checkpoint(TRUNCATE)");
  const fill = db.prepare("INSERT INTO filler (x) VALUES (randomblob(4000))");
  return { path, db, fill, size: () => statSync(path).size };
}

/** A commit every few milliseconds until stopped. */
function burstOfWrites(fill: { run: () => unknown }): { stop: () => Promise<void> } {
  let writing = true;
  const writes = (async () => {
    while (writing) {
      fill.run();
      await new Promise((r) => setTimeout(r, 2));
    }
  })();
  return {
    stop: () => {
      writing = false;
      return writes;
    },
  };
}

describe("WAL checkpoints on their own thread", () => {
  it("move the log's pages into the database file; the server's connection takes over when it stops", async () => {
    const { db, fill, size } = fillerDatabase();
    const before = size();
    // about 2,000 pages: under the fallback, so the server's connection does not checkpoint them
    db.pragma(`wal_autocheckpoint = ${FALLBACK_PAGES}`);
    for (let i = 0; i < 20; i++) db.transaction(() => Array.from({ length: 100 }, () => fill.run()))();
    expect(size()).toBe(before);

    const logs: string[] = [];
    const job = startWalCheckpoints(db, { everyMs: 20, log: (l) => logs.push(l) });
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(FALLBACK_PAGES);
    await until(() => size() >= before + 2_000 * 4096 && job.checkpoints() > 0);
    await job.stop();
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    expect(logs).toEqual([]);
    db.close();
  });

  it("let the log start over under groups of writes back to back, long before the server's own checkpoint", async () => {
    const { path, db, fill } = fillerDatabase();
    // copied while the writes come (no burst is let run): the log must start over all the same
    const job = startWalCheckpoints(db, { everyMs: 20, log: () => {}, restartAtPages: 300, burstMs: 0 });
    const together = groupCommit(db);
    // the log's file keeps the length of the longest log so far: how far the log ever got
    const longest = () => (statSync(`${path}-wal`).size - 32) / (4096 + 24);
    // 8,000 pages, a group after another with no pause: the log would start over only by chance,
    // and the server's own checkpoint waits for FALLBACK_PAGES
    expect(FALLBACK_PAGES).toBeGreaterThan(8_000);
    for (let g = 0; g < 160; g++)
      await Promise.all(Array.from({ length: 50 }, () => together(() => fill.run())));
    // 300 pages and whatever came while the thread's last checkpoint and the catch-up ran
    expect(longest()).toBeLessThan(3_000);
    await job.stop();
    db.close();
  });

  it("leave a burst of writes uncopied until it pauses, and copy a longer one while it comes", async () => {
    const { db, fill, size } = fillerDatabase();
    const before = size();
    // a commit every few milliseconds, far more often than the thread's turns of 500 ms (a turn
    // with none would be a pause, even on a loaded machine whose timers run late)
    const burst = burstOfWrites(fill);
    const job = startWalCheckpoints(db, { everyMs: 500, log: () => {}, burstMs: 60_000 });
    // the burst goes on across several of the thread's turns: nothing reaches the database file
    const turns = Date.now() + 2_500;
    await until(() => Date.now() > turns);
    expect(job.checkpoints()).toBe(0);
    expect(size()).toBe(before);
    // the writes pause: the next turn copies the log
    await burst.stop();
    await until(() => job.checkpoints() > 0 && size() > before);
    await job.stop();

    // the same writes, as a burst longer than burstMs: copied while they still come
    const grown = size();
    const longer = burstOfWrites(fill);
    const job2 = startWalCheckpoints(db, { everyMs: 500, log: () => {}, burstMs: 1_000 });
    await until(() => job2.checkpoints() > 0 && size() > grown);
    await longer.stop();
    await job2.stop();
    db.close();
  });

  it("is nothing for a database in memory", async () => {
    const db = openDatabase(":memory:");
    const job = startWalCheckpoints(db, { everyMs: 20, log: () => {} });
    await job.stop();
    expect(job.checkpoints()).toBe(0);
    db.close();
  });
});
