/** Issue 14: the driver's position is the board's number, and the wait is never "0 min" behind busy lanes. */
import { afterAll, describe, expect, it } from "vitest";
import { estimateTruckWaitMinutes } from "../../src/domain/wait-times.ts";
import { declareAndBook, testRuntime } from "../api/support.ts";

const rt = testRuntime();
afterAll(() => rt.close());
const officer = { kind: "officer", id: "o" } as const;

describe("what a waiting driver reads", () => {
  it("is the board's number for the same truck, and a wait of at least a minute while every lane is busy", async () => {
    const cp = rt.deps.checkpoints.get("kalzhat");
    if (!cp) throw new Error("seed has kalzhat");
    rt.deps.checkpoints.updateConfig(
      "kalzhat",
      { ...cp.config, documentLanes: 1, openFromHour: 0, openToHour: 24 },
      rt.deps.now(),
    );
    const now = rt.deps.now();
    const ids = ["QVW001KZ", "QVW002KZ", "QVW003KZ"].map((plate) => {
      const id = declareAndBook(rt, plate, { checkpointId: "kalzhat" });
      rt.deps.crossings.apply(id, {
        type: "CHECK_IN",
        policy: { walkInsAllowed: false, graceMinutes: 60 },
        at: now,
        actor: officer,
      });
      return id;
    });
    // the first is called to the only lane: the others wait behind a busy lane
    const first = ids[0] ?? "";
    rt.deps.crossings.apply(first, {
      type: "CALL",
      lane: 1,
      deadline: now + 600_000,
      at: now,
      actor: officer,
    });
    const board = (await (await rt.app.request("/board/kalzhat.json")).json()) as {
      queue: { position: number; plate: string }[];
    };
    const me = (await (await rt.app.request(`/api/v1/crossings/${ids[1]}`)).json()) as {
      queue: { position: number; estimatedWaitMinutes: number };
    };
    expect(board.queue.find((r) => r.plate === "QV***KZ" && r.position === me.queue.position)).toBeDefined();
    expect(me.queue.position).toBeGreaterThanOrEqual(2); // behind the called truck, whatever the cycle's order
    expect(me.queue.estimatedWaitMinutes).toBeGreaterThanOrEqual(1);
    const page = await (await rt.app.request(`/c/${ids[1]}?lang=en`)).text();
    expect(page).toContain(`Position in queue: ${me.queue.position}`);
    expect(page).not.toContain("about 0 min");
  });

  it("estimates from the trucks ahead and the measured rate", () => {
    const busy = { lanesOpen: 2, lanesBusy: 2, throughputLastHour: 12, dailyLimit: 650 };
    expect(estimateTruckWaitMinutes({ ...busy, ahead: 0 })).toBe(5); // one truck to clear at 12 an hour
    expect(estimateTruckWaitMinutes({ ...busy, ahead: 5 })).toBe(30);
    expect(estimateTruckWaitMinutes({ ...busy, lanesBusy: 1, ahead: 0 })).toBe(0); // a lane is free for it
    expect(estimateTruckWaitMinutes({ ...busy, lanesOpen: 0, ahead: 3 })).toBeNull();
  });
});
