/**
 * A key's last use, written once a minute per key in the group commit (api-keys.ts noteUse), not in
 * a commit of its own that flushed the log on the event loop; the kept key knows it at once.
 */
import { describe, expect, it } from "vitest";
import { apiKeyStore } from "../../src/store/api-keys.ts";
import { openDatabase } from "../../src/store/db.ts";
import { tempDbPath } from "./helpers.ts";

const T = Date.UTC(2026, 10, 30, 9);

describe("a key's last use", () => {
  it("is written in the group commit, once a minute, and the kept key has it at once", async () => {
    const db = openDatabase(tempDbPath());
    const keys = apiKeyStore(db);
    const { secret } = keys.create({ kind: "monitor", label: "M" }, { userId: "t" }, T);
    const stored = () => db.prepare("SELECT last_used_at FROM api_keys").pluck().get();
    const first = keys.find(secret);
    if (!first) throw new Error("no key");
    const written = keys.noteUse(first, T + 1_000);
    expect(written).toBeInstanceOf(Promise);
    // the key as the next request finds it already says so: that request writes nothing more
    const next = keys.find(secret);
    expect(next?.lastUsedAt).toBe(T + 1_000);
    expect(next && keys.noteUse(next, T + 2_000)).toBeUndefined();
    // not a commit of its own: written once the group's commit is
    expect(stored()).toBeNull();
    await written;
    expect(stored()).toBe(T + 1_000);
    // a minute on, the next use is written again
    const later = keys.find(secret);
    if (!later) throw new Error("no key");
    await keys.noteUse(later, T + 61_000);
    expect(stored()).toBe(T + 61_000);
    db.close();
  });
});
