/**
 * The power cut in the middle of a shift: a real server is killed with SIGKILL while drivers book,
 * the checkpoint's camera checks trucks in and officers call the next truck, then started again.
 * Every acknowledged booking and transition is there, the snapshots equal a replay of the log, no
 * slot is overbooked, and the call-deadline timer picks up the deadlines that fell due while it was down.
 */
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { SEED_RISK_POLICY } from "../../seed/risk-rules.ts";
import { declarationSchema } from "../../src/domain/declaration.ts";
import { apiKeyStore } from "../../src/store/api-keys.ts";
import { checkpointStore } from "../../src/store/checkpoints.ts";
import { crossingStore } from "../../src/store/crossings.ts";
import { openDatabase } from "../../src/store/db.ts";
import { declareTruck } from "../../src/store/declare.ts";
import { declaration } from "../api/support.ts";
import { trySignIn } from "../officer/support.ts";
import { type RunningServer, startServer } from "../support/server.ts";
import { expectSnapshotsEqualTheirLogs } from "../support/stored-truth.ts";

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.kill();
});

const ENV = { SEED_DEMO_TRAFFIC: "off", CALL_DEADLINE_CHECK_MS: "200" };
const DRIVER = { kind: "driver" as const, id: "test" };

/** Trucks written through the store's one apply path from a second connection, as a carrier's would be. */
function prepare(dbPath: string, deadlineInMs: number) {
  const db = openDatabase(dbPath);
  try {
    const crossings = crossingStore(db);
    const cp = checkpointStore(db).get("nur-zholy");
    if (!cp) throw new Error("nur-zholy missing");
    const now = Date.now();
    const declare = (plate: string, at = now) => {
      const out = declareTruck(crossings, {
        declaration: declarationSchema.parse(declaration(plate)),
        risk: SEED_RISK_POLICY,
        sample: 0.99,
        at,
        actor: DRIVER,
        policy: { requireVin: false },
      });
      if (!out.ok) throw new Error(out.reason);
      return out.crossing.row.id;
    };
    const slotMs = cp.config.slotMinutes * 60_000;
    const current = Math.floor(now / slotMs) * slotMs;
    const book = (id: string, at: number) => {
      const booked = crossings.apply(id, {
        type: "BOOK",
        slot: { start: current, end: current + slotMs },
        at,
        actor: DRIVER,
      });
      if (!booked.ok) throw new Error(booked.reason);
    };
    // drivers who will book during the storm
    const toBook = Array.from({ length: 200 }, (_, i) => declare(`${100 + i}BKS02`));
    // trucks in the current slot the camera will check in
    const arriving = Array.from({ length: 40 }, (_, i) => `${100 + i}ARR02`);
    for (const plate of arriving) book(declare(plate), now);
    // trucks called before the cut, whose deadline falls due while the server is down
    const callAt = now - cp.config.callDeadlineMinutes * 60_000 + deadlineInMs;
    const called = Array.from({ length: 3 }, (_, i) => {
      const id = declare(`${100 + i}CAL02`, callAt - 60_000);
      book(id, callAt - 60_000);
      const steps = [
        {
          type: "CHECK_IN" as const,
          policy: { walkInsAllowed: true, graceMinutes: 600 },
          at: callAt - 30_000,
          actor: DRIVER,
        },
        {
          type: "CALL" as const,
          lane: 50 + i,
          deadline: callAt + cp.config.callDeadlineMinutes * 60_000,
          at: callAt,
          actor: { kind: "officer" as const, id: "before-the-cut" },
        },
      ];
      for (const e of steps) {
        const r = crossings.apply(id, e);
        if (!r.ok) throw new Error(r.reason);
      }
      return id;
    });
    const device = apiKeyStore(db).create(
      { kind: "device", label: "Gate camera", checkpointId: "nur-zholy", rateLimitPerMinute: 100_000 },
      { userId: "test-admin" },
      now,
    ).secret;
    return { toBook, arriving, called, device, deadline: callAt + cp.config.callDeadlineMinutes * 60_000 };
  } finally {
    db.close();
  }
}

describe("a server killed in the middle of a shift", () => {
  it("keeps every acknowledged booking and transition; timers resume after the restart", async () => {
    server = await startServer({ env: ENV });
    const { dbPath, port, url } = server;
    // the called trucks' deadlines fall 12 s from now: after the cut, before the restart
    const fixture = prepare(dbPath, 12_000);
    const { cookie } = await trySignIn(async (p, i) => fetch(url + p, i), "officer.nurzholy");
    const csrf = (() => {
      const db = new Database(dbPath, { readonly: true });
      try {
        return db
          .prepare("SELECT csrf FROM sessions WHERE id = ?")
          .pluck()
          .get(cookie.split("=")[1]) as string;
      } finally {
        db.close();
      }
    })();
    const slots = (await (await fetch(`${url}/api/v1/checkpoints/nur-zholy/slots`)).json()) as {
      start: string;
      available: number;
    }[];
    const open = slots.filter((s) => s.available > 0).slice(0, 3);
    expect(open.length).toBe(3);

    const acked: { id: string; event: string }[] = [];
    const send = async (
      path: string,
      init: RequestInit,
      event: string,
      idOf: (body: Record<string, unknown>) => string,
    ) => {
      try {
        const res = await fetch(url + path, init);
        if (res.ok) acked.push({ id: idOf((await res.json()) as Record<string, unknown>), event });
      } catch {
        // the connection died with the process: not acknowledged
      }
    };
    const json = (body: unknown, headers: Record<string, string> = {}) => ({
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    const book = (id: string, i: number) =>
      send(`/api/v1/crossings/${id}/booking`, json({ slotStart: open[i % 3]?.start }), "BOOK", () => id);
    const checkIn = (plate: string) =>
      send(
        "/api/v1/device/check-ins",
        json({ plate }, { Authorization: `Bearer ${fixture.device}` }),
        "CHECK_IN",
        (b) => String(b.crossingId),
      );
    const callNext = () =>
      send(
        "/api/v1/officer/checkpoints/nur-zholy/call-next",
        json({}, { Cookie: cookie, "X-CSRF-Token": csrf }),
        "CALL",
        (b) => String(b.crossingId),
      );
    // interleaved, as a shift is: trucks arrive, drivers book, officers call
    const storm: Promise<void>[] = [];
    for (let i = 0; i < fixture.toBook.length; i++) {
      storm.push(book(fixture.toBook[i] as string, i));
      const plate = fixture.arriving[i];
      if (plate) storm.push(checkIn(plate));
      if (i % 4 === 3 && i < 80) storm.push(callNext());
    }
    while (acked.length < 60) await new Promise((r) => setTimeout(r, 2));
    await server.kill();
    const killedAt = Date.now();
    // the cut came in the middle of all three kinds of write
    expect(new Set(acked.map((a) => a.event))).toEqual(new Set(["BOOK", "CHECK_IN", "CALL"]));
    await Promise.all(storm);
    expect(killedAt).toBeLessThan(fixture.deadline); // the deadlines fell due while the server was down

    const calledAtCut = (() => {
      const db = new Database(dbPath, { readonly: true });
      try {
        return fixture.called.filter(
          (id) => db.prepare("SELECT state FROM crossings WHERE id = ?").pluck().get(id) === "called",
        );
      } finally {
        db.close();
      }
    })();
    expect(calledAtCut).toEqual(fixture.called);
    while (Date.now() < fixture.deadline + 200) await new Promise((r) => setTimeout(r, 100));

    server = await startServer({ dbPath, port, env: ENV });
    const db = new Database(dbPath, { readonly: true });
    try {
      const types = db.prepare("SELECT type FROM crossing_events WHERE crossing_id = ?").pluck();
      for (const a of acked) expect(types.all(a.id), `${a.event} of ${a.id}`).toContain(a.event);

      const overbooked = db
        .prepare(
          `SELECT slot_start, count(*) AS n FROM crossings c JOIN checkpoints k ON k.id = c.checkpoint_id
           WHERE c.state NOT IN ('declared', 'cancelled', 'expired') AND c.slot_start IS NOT NULL
           GROUP BY c.checkpoint_id, slot_start HAVING n > json_extract(k.config, '$.slotCapacity')`,
        )
        .all();
      expect(overbooked).toEqual([]);

      expectSnapshotsEqualTheirLogs(db);

      // the restarted server's timer misses the calls that fell due while it was down
      const missed = db
        .prepare(
          "SELECT count(*) FROM crossing_events WHERE crossing_id = ? AND type = 'MISS_CALL' AND actor_kind = 'system'",
        )
        .pluck();
      const deadline = Date.now() + 10_000;
      while (fixture.called.some((id) => missed.get(id) === 0) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      for (const id of fixture.called) expect(missed.get(id), `MISS_CALL of ${id}`).toBe(1);
    } finally {
      db.close();
    }
  }, 90_000);
});
