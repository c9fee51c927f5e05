/** Calling the next truck: the discipline picks it, lanes are never double-booked, refusals write nothing. */
import { describe, expect, it } from "vitest";
import { callNextStore } from "../../src/store/call-next.ts";
import { queueStore } from "../../src/store/queue.ts";
import { declareAndBook, testRuntime } from "../api/support.ts";

const officer = { kind: "officer" as const, id: "test" };

describe("call next", () => {
  it("calls the truck the queue puts first, to a free lane, until every lane is busy", () => {
    const rt = testRuntime();
    const cp = rt.deps.checkpoints.get("korday");
    if (!cp) throw new Error("no korday");
    const at = rt.deps.now();
    const policy = { walkInsAllowed: cp.config.walkInsAllowed, graceMinutes: cp.config.graceMinutes };
    for (let i = 0; i < cp.config.documentLanes + 2; i++) {
      const id = declareAndBook(rt, `${100 + i}KOR02`, { checkpointId: "korday" });
      expect(rt.deps.crossings.apply(id, { type: "CHECK_IN", policy, at: at + i, actor: officer }).ok).toBe(
        true,
      );
    }
    const calls = callNextStore(rt.deps.db, rt.deps.crossings, rt.deps.checkpoints);
    const queue = queueStore(rt.deps.db);
    const lanes = new Set<number>();
    for (let i = 0; i < cp.config.documentLanes; i++) {
      const head = queue.ordered(rt.deps.checkpoints.get("korday") ?? cp)[0];
      const outcome = calls.callNext("korday", at + 100, officer);
      if (!outcome.ok) throw new Error(outcome.reason);
      expect(outcome.crossing.row.id).toBe(head?.id);
      lanes.add(outcome.crossing.row.lane ?? 0);
    }
    expect(lanes.size).toBe(cp.config.documentLanes);

    const eventsBefore = rt.deps.db.prepare("SELECT count(*) FROM crossing_events").pluck().get();
    expect(calls.callNext("korday", at + 200, officer)).toMatchObject({
      ok: false,
      reason: "every lane is busy",
    });
    expect(rt.deps.db.prepare("SELECT count(*) FROM crossing_events").pluck().get()).toBe(eventsBefore);
    rt.close();
  });

  it("says so when nobody is waiting", () => {
    const rt = testRuntime();
    expect(
      callNextStore(rt.deps.db, rt.deps.crossings, rt.deps.checkpoints).callNext(
        "korday",
        rt.deps.now(),
        officer,
      ),
    ).toMatchObject({
      ok: false,
      reason: "nobody is waiting in the waiting area",
    });
    rt.close();
  });
});
