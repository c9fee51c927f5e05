/** Missed calls with the test's own clock: back to the queue once, expired the second time. */
import { describe, expect, it } from "vitest";
import { expireLapsedBookings, missDueCalls } from "../../src/jobs/call-deadlines.ts";
import { callNextStore } from "../../src/store/call-next.ts";
import { declareAndBook, testRuntime } from "../api/support.ts";

const officer = { kind: "officer" as const, id: "test" };
const MINUTE = 60_000;

describe("call deadlines", () => {
  it("return a truck that missed its call to the queue once, and expire it the second time", () => {
    const rt = testRuntime();
    const cp = rt.deps.checkpoints.get("nur-zholy");
    if (!cp) throw new Error("no nur-zholy");
    const id = declareAndBook(rt, "444DDD02");
    const at = rt.deps.now();
    const { walkInsAllowed, graceMinutes } = cp.config;
    rt.deps.crossings.apply(id, {
      type: "CHECK_IN",
      policy: { walkInsAllowed, graceMinutes },
      at,
      actor: officer,
    });
    const calls = callNextStore(rt.deps.db, rt.deps.crossings, rt.deps.checkpoints);
    const state = () => rt.deps.crossings.get(id)?.row.state;

    expect(calls.callNext("nur-zholy", at, officer).ok).toBe(true);
    const deadline = at + cp.config.callDeadlineMinutes * MINUTE;
    expect(missDueCalls(rt.deps, deadline - 1)).toBe(0);
    expect(state()).toBe("called");
    expect(missDueCalls(rt.deps, deadline + 1)).toBe(1);
    expect(state()).toBe("waitingArea");

    expect(calls.callNext("nur-zholy", deadline + 2, officer).ok).toBe(true);
    expect(missDueCalls(rt.deps, deadline + 2 + cp.config.callDeadlineMinutes * MINUTE + 1)).toBe(1);
    expect(state()).toBe("expired");
    expect(rt.deps.crossings.events(id).filter((e) => e.type === "MISS_CALL")).toHaveLength(2);
    expect(rt.deps.crossings.events(id).at(-1)).toMatchObject({ actor_kind: "system", actor_id: "timer" });
    rt.close();
  });
});

describe("lapsed bookings", () => {
  it("expire once the slot and its grace window have passed, and the plate can declare again", async () => {
    const rt = testRuntime();
    const cp = rt.deps.checkpoints.get("nur-zholy");
    if (!cp) throw new Error("no nur-zholy");
    const id = declareAndBook(rt, "555EEE02");
    const slotEnd = rt.deps.crossings.get(id)?.row.slot_end as number;
    const graceEnd = slotEnd + cp.config.graceMinutes * MINUTE;
    expect(expireLapsedBookings(rt.deps, graceEnd - 1)).toBe(0); // still inside the grace window
    expect(rt.deps.crossings.get(id)?.row.state).toBe("booked");
    expect(expireLapsedBookings(rt.deps, graceEnd + 1)).toBe(1);
    expect(rt.deps.crossings.get(id)?.row.state).toBe("expired");
    expect(rt.deps.crossings.events(id).at(-1)).toMatchObject({ type: "EXPIRE", actor_kind: "system" });
    expect(expireLapsedBookings(rt.deps, graceEnd + 2)).toBe(0);
    // the truck is free to come again
    expect(() => declareAndBook(rt, "555EEE02")).not.toThrow();
    rt.close();
  });
});
