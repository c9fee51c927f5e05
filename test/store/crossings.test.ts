import { describe, expect, it } from "vitest";
import type { CrossingEvent } from "../../machines/index.ts";
import { replay } from "../../machines/index.ts";
import { crossingStore } from "../../src/store/crossings.ts";
import { openDatabase } from "../../src/store/db.ts";
import { declareOne, seededDb, tempDbPath } from "./helpers.ts";

const officer = { kind: "officer" as const, id: "o1" };
const at = Date.UTC(2026, 10, 25, 6, 5);
const book: CrossingEvent = {
  type: "BOOK",
  at,
  actor: officer,
  slot: { start: at + 3_600_000, end: at + 7_200_000 },
};

const counts = (db: ReturnType<typeof seededDb>) =>
  db
    .prepare(
      "SELECT (SELECT count(*) FROM crossing_events) e, (SELECT group_concat(snapshot) FROM crossings) s",
    )
    .get();

describe("the crossing store", () => {
  it("an accepted event writes the new snapshot and appends the event in one go", () => {
    const db = seededDb();
    const { crossings, crossing } = declareOne(db);
    const result = crossings.apply(crossing.row.id, book);
    expect(result.ok).toBe(true);
    const stored = crossings.get(crossing.row.id);
    // what apply answers is what was stored (it is built, not read back)
    expect(result.ok && result.crossing).toEqual(stored);
    expect(stored?.row.state).toBe("booked");
    expect(stored?.row.slot_start).toBe(at + 3_600_000);
    const events = crossings.events(crossing.row.id);
    expect(events.map((e) => [e.n, e.type, e.from_state, e.to_state])).toEqual([
      [0, "DECLARE", null, "declared"],
      [1, "BOOK", "declared", "booked"],
    ]);
  });

  it("a rejected event writes nothing and says why, naming the state", () => {
    const db = seededDb();
    const { crossings, crossing } = declareOne(db);
    const before = counts(db);
    const result = crossings.apply(crossing.row.id, { type: "RELEASE", at, actor: officer });
    expect(result).toEqual({
      ok: false,
      status: 409,
      state: "declared",
      reason: "cannot release: the truck is pre-declared, without a slot",
    });
    expect(counts(db)).toEqual(before);
  });

  it("a precondition that objects writes nothing", () => {
    const db = seededDb();
    const { crossings, crossing } = declareOne(db);
    const before = counts(db);
    const result = crossings.apply(crossing.row.id, book, () => "that slot is full");
    expect(result).toMatchObject({ ok: false, status: 409, reason: "that slot is full" });
    expect(counts(db)).toEqual(before);
  });

  it("a precondition that fails rolls the whole change back", () => {
    const db = seededDb();
    const { crossings, crossing } = declareOne(db);
    const before = counts(db);
    expect(() =>
      crossings.apply(crossing.row.id, book, () => {
        throw new Error("the disk is full");
      }),
    ).toThrow("the disk is full");
    expect(counts(db)).toEqual(before);
  });

  it("events applied together are one change: each in the log, the row written once as the last left it", () => {
    const db = seededDb();
    const { crossings, crossing } = declareOne(db);
    const checkIn: CrossingEvent = {
      type: "CHECK_IN",
      at: at + 3_600_000,
      actor: officer,
      policy: { walkInsAllowed: true, graceMinutes: 60 },
    };
    const result = crossings.applyAll(crossing.row.id, [book, checkIn]);
    if (!result.ok) throw new Error(result.reason);
    // each change is the crossing as that event left it, the last one what was stored
    expect(
      result.changes.map((c) => [c.event.type, c.crossing.row.state, c.crossing.row.event_count]),
    ).toEqual([
      ["BOOK", "booked", 2],
      ["CHECK_IN", "waitingArea", 3],
    ]);
    expect(result.changes[1]?.crossing).toEqual(crossings.get(crossing.row.id));
    expect(crossings.events(crossing.row.id).map((e) => [e.n, e.type, e.from_state, e.to_state])).toEqual([
      [0, "DECLARE", null, "declared"],
      [1, "BOOK", "declared", "booked"],
      [2, "CHECK_IN", "booked", "waitingArea"],
    ]);
    // the columns named in the UPDATE were the changed ones; the others still agree with the snapshot
    const row = crossings.get(crossing.row.id)?.row;
    expect([row?.slot_start, row?.checked_in_at, row?.lane, row?.call_deadline]).toEqual([
      at + 3_600_000,
      at + 3_600_000,
      null,
      null,
    ]);
  });

  it("events applied together: one the machine refuses leaves nothing of the others", () => {
    const db = seededDb();
    const { crossings, crossing } = declareOne(db);
    const before = counts(db);
    const result = crossings.applyAll(crossing.row.id, [book, { type: "RELEASE", at, actor: officer }]);
    expect(result).toMatchObject({ ok: false, status: 409, state: "booked" });
    expect(counts(db)).toEqual(before);
    expect(crossings.get(crossing.row.id)?.row.state).toBe("declared");
  });

  it("an unknown crossing is a 404, not a crash", () => {
    const db = seededDb();
    expect(crossingStore(db).apply("nope", book)).toMatchObject({ ok: false, status: 404 });
  });

  it("replaying every crossing's event log reproduces its stored snapshot", () => {
    const db = seededDb(":memory:", true);
    const crossings = crossingStore(db);
    const ids = db.prepare("SELECT id FROM crossings").pluck().all() as string[];
    expect(ids.length).toBeGreaterThan(100);
    for (const id of ids) {
      const [declared, ...rest] = crossings.events(id);
      const replayed = replay(
        JSON.parse(declared?.payload as string),
        rest.map((e) => JSON.parse(e.payload)),
      );
      expect(replayed).toEqual(crossings.get(id)?.crossing);
    }
  });

  it("the event log is append-only", () => {
    const db = seededDb();
    declareOne(db);
    expect(() => db.prepare("UPDATE crossing_events SET type = 'X'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM crossing_events").run()).toThrow(/append-only/);
  });

  it("one active crossing per truck, and the schema holds the rule too", () => {
    const db = seededDb();
    declareOne(db, "555AAA01");
    expect(() => declareOne(db, "555 AAA-01")).toThrow(/drive.active/);
    // written past the store, the partial unique index still refuses a second active crossing
    expect(() =>
      db
        .prepare(
          `INSERT INTO crossings (id, code, checkpoint_id, plate, plate_key, direction, state, channel, priority,
             declaration, snapshot, created_at, updated_at)
           SELECT 'x', 'XXXXXXXX', checkpoint_id, plate, plate_key, direction, state, channel, priority,
             declaration, snapshot, created_at, updated_at FROM crossings LIMIT 1`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it("after a restart every crossing is exactly where it was", () => {
    const path = tempDbPath();
    const db = seededDb(path, true);
    const snapshot = db.prepare("SELECT id, state, snapshot, event_count FROM crossings ORDER BY id").all();
    const events = db.prepare("SELECT count(*) FROM crossing_events").pluck().get();
    db.close();
    const reopened = openDatabase(path);
    expect(
      reopened.prepare("SELECT id, state, snapshot, event_count FROM crossings ORDER BY id").all(),
    ).toEqual(snapshot);
    expect(reopened.prepare("SELECT count(*) FROM crossing_events").pluck().get()).toBe(events);
  });
});
