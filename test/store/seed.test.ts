import { describe, expect, it } from "vitest";
import { STATES } from "../../machines/index.ts";
import { checkpointStore } from "../../src/store/checkpoints.ts";
import { verifyPassword } from "../../src/store/passwords.ts";
import { isSeeded } from "../../src/store/seed.ts";
import { userStore } from "../../src/store/users.ts";
import { seededDb } from "./helpers.ts";

describe("seed data", () => {
  it("has Kazakhstan's road checkpoints to China and a few others", () => {
    const db = seededDb();
    expect(isSeeded(db)).toBe(true);
    const ids = checkpointStore(db)
      .list()
      .map((c) => c.id);
    for (const id of ["nur-zholy", "bakhty", "maikapchagai", "kalzhat", "dostyk", "korday", "zhibek-zholy"]) {
      expect(ids).toContain(id);
    }
    expect(checkpointStore(db).get("nur-zholy")?.config.dailyLimit).toBe(650);
  });

  it("has a demo user for every role, with the given password", async () => {
    const db = seededDb();
    const users = userStore(db);
    for (const name of ["admin", "planner", "officer.nurzholy", "supervisor.nurzholy"]) {
      const row = users.credentials(name);
      expect(row).toBeDefined();
      expect(await verifyPassword("test-password-1", row?.password_hash as string)).toBe(true);
      expect(await verifyPassword("wrong", row?.password_hash as string)).toBe(false);
    }
  });

  it("puts demo trucks in every state, through the machine", () => {
    const db = seededDb(":memory:", true);
    const states = db.prepare("SELECT DISTINCT state FROM crossings").pluck().all();
    expect([...states].sort()).toEqual([...STATES].sort());
    // every state change is an event in the log
    const mismatched = db
      .prepare(
        `SELECT count(*) FROM crossings c WHERE c.event_count != (SELECT count(*) FROM crossing_events e WHERE e.crossing_id = c.id)
         OR c.state != (SELECT to_state FROM crossing_events e WHERE e.crossing_id = c.id ORDER BY n DESC LIMIT 1)`,
      )
      .pluck()
      .get();
    expect(mismatched).toBe(0);
  });
});
