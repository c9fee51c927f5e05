import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.ts";
import { groupCommit } from "../../src/store/group-commit.ts";
import { tempDbPath } from "./helpers.ts";

function twoConnections() {
  const path = tempDbPath();
  const db = openDatabase(path);
  db.exec("CREATE TABLE t (x INTEGER NOT NULL)");
  const other = openDatabase(path);
  const count = () => Number(other.prepare("SELECT count(*) FROM t").pluck().get());
  return { db, other, count, insert: (x: number) => db.prepare("INSERT INTO t VALUES (?)").run(x) };
}

describe("group commit", () => {
  it("commits the writes of one turn together: none is visible before the last is done", async () => {
    const { db, other, count, insert } = twoConnections();
    const together = groupCommit(db);
    const seenByOthers: number[] = [];
    const writes = [1, 2, 3].map((x) =>
      together(() => {
        insert(x);
        seenByOthers.push(count());
        return x;
      }),
    );
    expect(await Promise.all(writes)).toEqual([1, 2, 3]);
    expect(seenByOthers).toEqual([0, 0, 0]);
    expect(count()).toBe(3);
    db.close();
    other.close();
  });

  it("gathers the writes of the next turns too, while they keep arriving", async () => {
    const { db, other, count, insert } = twoConnections();
    // no time limit: a loaded machine's slow turn must not end the group before the second write
    const together = groupCommit(db, { maxGatherMs: Number.POSITIVE_INFINITY });
    const first = together(() => {
      insert(1);
      return count();
    });
    // the next turn of the event loop: the first write is still gathering company
    await new Promise((resolve) => setImmediate(resolve));
    const second = together(() => {
      insert(2);
      return count();
    });
    // neither saw the other committed: they share one commit
    expect(await Promise.all([first, second])).toEqual([0, 0]);
    expect(count()).toBe(2);
    db.close();
    other.close();
  });

  it("undoes a write that throws, alone", async () => {
    const { db, other, count, insert } = twoConnections();
    const together = groupCommit(db);
    const first = together(() => insert(1));
    const failing = together(() => {
      insert(2);
      throw new Error("refused");
    });
    const third = together(() => insert(3));
    await expect(failing).rejects.toThrow("refused");
    await Promise.all([first, third]);
    expect(other.prepare("SELECT x FROM t ORDER BY x").pluck().all()).toEqual([1, 3]);
    expect(count()).toBe(2);
    db.close();
    other.close();
  });

  it("fails every write of the group when the commit cannot happen, and writes nothing", async () => {
    const { db, other, count, insert } = twoConnections();
    db.pragma("busy_timeout = 0");
    other.exec("BEGIN IMMEDIATE"); // another process holds the write lock
    const together = groupCommit(db);
    const writes = [1, 2].map((x) => together(() => insert(x)));
    for (const w of writes) await expect(w).rejects.toThrow(/locked|busy/i);
    other.exec("ROLLBACK");
    expect(count()).toBe(0);
    db.close();
    other.close();
  });
});
