import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { applyEvent, MACHINE_VERSION } from "../../machines/index.ts";
import { describeReport, verifyLog } from "../../src/store/verify-log.ts";
import { declareAndBook, testRuntime } from "../api/support.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const supervisor = { kind: "supervisor", id: "s" } as const;
const officer = { kind: "officer", id: "o" } as const;

/** A database file made by today's code: three trucks, one checked in, called and moved on. */
async function made(): Promise<{ path: string; ids: string[] }> {
  const path = join(mkdtempSync(join(tmpdir(), "shekara-verify-")), "db.sqlite");
  const rt = testRuntime({ DATABASE_PATH: path });
  const ids = ["111AAA02", "222BBB02", "333CCC02"].map((plate) => declareAndBook(rt, plate));
  const at = rt.deps.now();
  const policy = { walkInsAllowed: true, graceMinutes: 60 };
  for (const id of ids)
    expect(rt.deps.crossings.apply(id, { type: "CHECK_IN", at, actor: officer, policy }).ok).toBe(true);
  const [first, second] = ids as [string, string];
  expect(
    rt.deps.crossings.apply(second, { type: "PRIORITISE", at, actor: supervisor, reason: "perishable" }).ok,
  ).toBe(true);
  expect(
    rt.deps.crossings.apply(first, {
      type: "CALL",
      at,
      actor: officer,
      lane: 1,
      deadline: at + 900_000,
      lanesOpen: 4,
      lanesBusy: [],
    }).ok,
  ).toBe(true);
  await rt.close(); // checks the log itself (VERIFY_LOG_ON_CLOSE)
  return { path, ids };
}

const verifyLogCommand = (path: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/cli/verify-log.ts", "--db", path], {
    cwd: ROOT,
    encoding: "utf8",
  });

function tamper(path: string, sql: string, ...args: unknown[]) {
  const db = new Database(path);
  db.prepare(sql).run(...args);
  db.close();
}

describe("npm run verify-log", () => {
  it("agrees with a database made through the machine, and finds a snapshot, a column or a slot count changed behind its back", async () => {
    const { path, ids } = await made();
    const clean = verifyLogCommand(path);
    expect(clean.stdout).toContain("3 crossings, 11 events replayed through the machine: every snapshot");
    expect(clean.status).toBe(0);

    tamper(path, "UPDATE crossings SET snapshot = json_set(snapshot, '$.lane', 7) WHERE id = ?", ids[0]);
    tamper(path, "UPDATE crossings SET call_deadline = call_deadline + 60000 WHERE id = ?", ids[0]);
    tamper(path, "UPDATE crossings SET state = 'booked' WHERE id = ?", ids[2]);
    const found = verifyLogCommand(path);
    expect(found.status).toBe(1);
    expect(found.stdout).toContain(`crossing ${ids[0]}: snapshot field lane is 7, the replay gives 1`);
    expect(found.stdout).toContain(`crossing ${ids[0]}: column call_deadline is`);
    expect(found.stdout).toContain(
      `crossing ${ids[2]}: the snapshot's state is booked, the replay's waitingArea`,
    );
    // the trigger moved the third truck's place back to "booked" correctly; a count changed by hand is not
    tamper(path, "UPDATE slot_places SET held = held + 1");
    expect(verifyLogCommand(path).stdout).toMatch(
      /slot nur-zholy \d+: slot_places holds 4, the replayed crossings hold 3/,
    );
  }, 120_000);

  it("fails a runtime's close when the log and the snapshots disagree", async () => {
    const { path, ids } = await made();
    tamper(path, "UPDATE crossings SET promoted_at = 1 WHERE id = ?", ids[2]);
    const rt = testRuntime({ DATABASE_PATH: path });
    await expect(rt.close()).rejects.toThrow(
      `crossing ${ids[2]}: column promoted_at is 1, the replay gives null`,
    );
  }, 60_000);

  it("replays a log written by an older machine under that machine's rules, and the store carries it on", async () => {
    const { path, ids } = await made();
    const second = ids[1] as string;
    // Version 1 let a supervisor move a truck forward twice: write such a second move as it would
    // have been stored then, on a database made by today's code.
    const db = new Database(path);
    const row = db.prepare("SELECT * FROM crossings WHERE id = ?").get(second) as {
      state: "waitingArea";
      snapshot: string;
      event_count: number;
    };
    const at = Date.now();
    const event = { type: "PRIORITISE", at, actor: supervisor, reason: "the reefer is failing" } as const;
    const crossing = { state: row.state, context: JSON.parse(row.snapshot) };
    expect(applyEvent(crossing, event).ok).toBe(false); // today's machine: once
    const v1 = applyEvent(crossing, event, 1);
    if (!v1.ok) throw new Error(v1.reason);
    db.prepare(
      `INSERT INTO crossing_events (crossing_id, n, type, payload, from_state, to_state, at, actor_kind, actor_id, reason, machine_version)
       VALUES (?, ?, 'PRIORITISE', ?, 'waitingArea', 'waitingArea', ?, 'supervisor', 's', ?, 1)`,
    ).run(second, row.event_count, JSON.stringify(event), at, event.reason);
    db.prepare(
      "UPDATE crossings SET snapshot = ?, promoted_at = ?, event_count = event_count + 1, machine_version = 1 WHERE id = ?",
    ).run(JSON.stringify(v1.crossing.context), at, second);
    expect(describeReport(verifyLog(db))).toContain("every snapshot, derived column and slot count agrees");
    db.close();

    // today's store loads the old snapshot, applies today's rules to it and stamps today's version
    const rt = testRuntime({ DATABASE_PATH: path });
    const loaded = rt.deps.crossings.get(second);
    expect(loaded?.row.machine_version).toBe(1);
    expect(loaded?.crossing.context.promotionReason).toBe("the reefer is failing");
    const again = rt.deps.crossings.apply(second, { ...event, at: at + 1, reason: "once more" });
    expect(again.ok).toBe(false);
    const called = rt.deps.crossings.apply(second, {
      type: "CALL",
      at: at + 2,
      actor: officer,
      lane: 2,
      deadline: at + 900_000,
      lanesOpen: 4,
      lanesBusy: [1],
    });
    expect(called.ok && called.crossing.row.machine_version).toBe(MACHINE_VERSION);
    await rt.close(); // verifies the mixed log: version 1 and version 2 events
  }, 60_000);
});
