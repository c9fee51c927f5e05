import { unlinkSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.ts";
import { groupCommit } from "../../src/store/group-commit.ts";
import { deferredWalSync } from "../../src/store/wal-sync.ts";
import { tempDbPath } from "./helpers.ts";

const FULL = 2;
const level = (db: ReturnType<typeof openDatabase>) => Number(db.pragma("synchronous", { simple: true }));

describe("the group commit's log flushed off the event loop", () => {
  it("commits the group with NORMAL and gives the connection back its FULL for every other commit", async () => {
    const db = openDatabase(tempDbPath());
    db.exec("CREATE TABLE t (x INTEGER NOT NULL)");
    const together = groupCommit(db);
    const during = await together(() => {
      db.prepare("INSERT INTO t VALUES (1)").run();
      return level(db);
    });
    expect(during).toBe(1);
    expect(level(db)).toBe(FULL);
    // a write that throws leaves the setting as it found it too
    await expect(
      together(() => {
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(level(db)).toBe(FULL);
    db.close();
  });

  it("fails every write of a group whose log cannot be flushed, as storage unavailable", async () => {
    const path = tempDbPath();
    const db = openDatabase(path);
    db.exec("CREATE TABLE t (x INTEGER NOT NULL)");
    const together = groupCommit(db);
    await together(() => db.prepare("INSERT INTO t VALUES (0)").run());
    // the log taken away under the open database (a disk gone bad, an operator's mistake): the
    // commit still happens, into a file no one can find again, so it must not be answered as done
    const writes = [1, 2].map((x) =>
      together(() => {
        if (x === 1) unlinkSync(`${path}-wal`);
        return db.prepare("INSERT INTO t VALUES (?)").run(x);
      }),
    );
    for (const w of writes) await expect(w).rejects.toMatchObject({ code: "SQLITE_IOERR_FSYNC" });
    db.close();
  });

  it("fails the writes still gathering when the database is closed, and the process goes on", async () => {
    const db = openDatabase(tempDbPath());
    db.exec("CREATE TABLE t (x INTEGER NOT NULL)");
    const pending = groupCommit(db)(() => db.prepare("INSERT INTO t VALUES (1)").run());
    db.close(); // a server stopping with a write not yet flushed
    await expect(pending).rejects.toThrow(/not open/);
  });

  it("is not used where there is no log to flush: in memory, or synchronous NORMAL chosen", () => {
    const memory = openDatabase(":memory:");
    expect(deferredWalSync(memory)).toBeNull();
    memory.close();
    const normal = openDatabase(tempDbPath());
    normal.pragma("synchronous = NORMAL");
    expect(deferredWalSync(normal)).toBeNull();
    normal.close();
  });

  it("flushes the log of an open database, and finds nothing to flush once it is closed", async () => {
    const db = openDatabase(tempDbPath());
    db.exec("CREATE TABLE t (x INTEGER NOT NULL)");
    const durable = deferredWalSync(db);
    expect(durable).not.toBeNull();
    db.prepare("INSERT INTO t VALUES (1)").run();
    await expect(durable?.sync()).resolves.toBeUndefined();
    // closing the last connection checkpoints the log into the database file and removes it
    db.close();
    await expect(durable?.sync()).resolves.toBeUndefined();
  });
});
