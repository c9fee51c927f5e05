import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.ts";
import { memoUntilWrite } from "../../src/store/memo.ts";
import { tempDbPath } from "./helpers.ts";

describe("reads kept until the database changes", () => {
  it("answers from memory until this connection or another one writes", async () => {
    const path = tempDbPath();
    const db = openDatabase(path);
    const other = openDatabase(path);
    db.exec("CREATE TABLE IF NOT EXISTS t (x INTEGER)");
    const memo = memoUntilWrite(db);
    let reads = 0;
    const count = () =>
      memo("n", () => {
        reads++;
        return Number(db.prepare("SELECT count(*) FROM t").pluck().get());
      });

    expect([count(), count()]).toEqual([0, 0]);
    expect(reads).toBe(1);

    db.prepare("INSERT INTO t VALUES (1)").run();
    expect(count()).toBe(1);

    other.prepare("INSERT INTO t VALUES (2)").run();
    // another connection's commit is looked for once a turn of the event loop
    expect(count()).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(count()).toBe(2);

    // inside a transaction a caller sees its own write at once
    db.transaction(() => {
      db.prepare("INSERT INTO t VALUES (3)").run();
      expect(count()).toBe(3);
    })();
    expect(reads).toBe(4);
    db.close();
    other.close();
  });
});
