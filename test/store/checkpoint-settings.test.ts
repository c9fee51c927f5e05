import { describe, expect, it } from "vitest";
import { ECHERHA_CYCLE } from "../../src/domain/checkpoint.ts";
import { localDayStart } from "../../src/domain/slots.ts";
import {
  changeFromForm,
  changeSchema,
  daysOverLimit,
  formatCycle,
  parseCycle,
  type SupervisorSettings,
} from "../../src/domain/supervisor-settings.ts";
import { bookingStore } from "../../src/store/booking.ts";
import { checkpointSettingsStore } from "../../src/store/checkpoint-settings.ts";
import type { StoredCheckpoint } from "../../src/store/checkpoints.ts";
import { declareOne, seededDb } from "./helpers.ts";

const NOW = Date.UTC(2026, 10, 25, 6);
const supervisor = { kind: "supervisor" as const, id: "sup-1" };

function setup() {
  const db = seededDb();
  const { crossings, checkpoints } = declareOne(db, "SEED000");
  const settings = checkpointSettingsStore(db, checkpoints, crossings);
  const cp = () => checkpoints.get("nur-zholy") as StoredCheckpoint;
  const current = (): SupervisorSettings => {
    const { documentLanes, scanners, inspectionBays, slotCapacity, dailyLimit, queueCycle } = cp().config;
    const { graceMinutes, walkInsAllowed, unmannedGreenLane } = cp().config;
    return {
      documentLanes,
      scanners,
      inspectionBays,
      slotCapacity,
      dailyLimit,
      queueCycle: [...queueCycle],
      graceMinutes,
      walkInsAllowed,
      unmannedGreenLane,
    };
  };
  const bookings = bookingStore(db, crossings);
  /** Books `n` trucks into tomorrow's slots, one booking a minute apart. */
  const bookTomorrow = (n: number) => {
    const tomorrow = localDayStart(NOW, cp().config.timezone) + 86_400_000;
    const slots = bookings.slots(cp(), tomorrow, 48, NOW).filter((s) => s.start < tomorrow + 86_400_000);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = declareOne(db, `MOVE${String(i).padStart(3, "0")}`).crossing.row.id;
      const slot = slots[i % slots.length];
      if (!slot) throw new Error("no slot tomorrow");
      const booked = bookings.book(cp(), id, slot.start, NOW + i * 60_000, { kind: "driver", id: "d" });
      if (!booked.ok) throw new Error(String(booked.reason));
      ids.push(id);
    }
    return { ids, tomorrow };
  };
  return { db, crossings, settings, cp, current, bookTomorrow };
}

describe("supervisor settings", () => {
  it("writes the change and one audit row per setting changed, with the reason", () => {
    const { db, settings, cp, current } = setup();
    const next = {
      ...current(),
      scanners: current().scanners + 1,
      walkInsAllowed: !current().walkInsAllowed,
    };
    const outcome = settings.save(
      cp(),
      { settings: next, reason: "second scanner repaired", confirmMoves: false },
      supervisor,
      NOW,
    );
    expect(outcome.ok).toBe(true);
    expect(cp().config.scanners).toBe(next.scanners);
    const rows = settings.history("nur-zholy");
    expect(rows.map((r) => r.setting).sort()).toEqual(["scanners", "walkInsAllowed"]);
    expect(rows.every((r) => r.reason === "second scanner repaired" && r.actorId === "sup-1")).toBe(true);
    expect(() => db.prepare("DELETE FROM checkpoint_changes").run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE checkpoint_changes SET reason = 'x'").run()).toThrow(/append-only/);
  });

  it("saving unchanged settings writes nothing", () => {
    const { settings, cp, current } = setup();
    const outcome = settings.save(
      cp(),
      { settings: current(), reason: "no change", confirmMoves: false },
      supervisor,
      NOW,
    );
    expect(outcome).toMatchObject({ ok: true, changes: [] });
    expect(settings.history("nur-zholy")).toEqual([]);
  });

  it("a new cycle starts the queue's interleaving from its first place", () => {
    const { db, settings, cp, current } = setup();
    db.prepare("UPDATE checkpoints SET cycle_position = 5 WHERE id = 'nur-zholy'").run();
    settings.save(
      cp(),
      { settings: { ...current(), queueCycle: ["ordinary"] }, reason: "FIFO tonight", confirmMoves: false },
      supervisor,
      NOW,
    );
    expect(cp().cyclePosition).toBe(0);
    expect(cp().config.queueCycle).toEqual(["ordinary"]);
  });

  it("lowering the daily limit below tomorrow's bookings asks first, then moves the last booked", () => {
    const { crossings, settings, cp, current, bookTomorrow } = setup();
    const { ids, tomorrow } = bookTomorrow(6);
    const lower = {
      settings: { ...current(), dailyLimit: 4 },
      reason: "neighbour accepts fewer",
      confirmMoves: false,
    };

    const asked = settings.save(cp(), lower, supervisor, NOW);
    expect(asked.ok).toBe(false);
    if (asked.ok) return;
    expect(asked.reason).toMatch(/moves 2 booked truck/);
    expect(asked.overLimit).toEqual([{ day: tomorrow, held: 6, limit: 4, move: [ids[5], ids[4]] }]);
    expect(cp().config.dailyLimit).not.toBe(4); // nothing written

    const done = settings.save(cp(), { ...lower, confirmMoves: true }, supervisor, NOW);
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.moved.map((m) => m.crossingId)).toEqual([ids[5], ids[4]]);
    for (const m of done.moved) {
      expect(m.to).not.toBeNull();
      expect(m.to as number).toBeGreaterThanOrEqual(tomorrow + 86_400_000);
      const moved = crossings.get(m.crossingId);
      expect(moved?.row.state).toBe("booked");
      expect(moved?.row.slot_start).toBe(m.to);
      // the driver's trail says who moved it and why; it does not use up the driver's allowance
      const trail = crossings.events(m.crossingId).slice(-2);
      expect(trail.map((e) => [e.type, e.actor_kind])).toEqual([
        ["CANCEL_BOOKING", "supervisor"],
        ["BOOK", "supervisor"],
      ]);
    }
    // the first four booked keep their places
    for (const id of ids.slice(0, 4))
      expect(crossings.get(id)?.row.slot_start).toBeLessThan(tomorrow + 86_400_000);
    expect(settings.history("nur-zholy")[0]).toMatchObject({
      setting: "dailyLimit",
      to: 4,
      movedBookings: 2,
    });
  });
});

describe("the settings' form and rules", () => {
  it("reads the cycle as people type it, and writes it back the same way", () => {
    expect(parseCycle("perishableTransit, perishable, transit, 5x ordinary")).toEqual(ECHERHA_CYCLE);
    expect(parseCycle("ordinary*2; Perishable")).toEqual(["ordinary", "ordinary", "perishable"]);
    expect(formatCycle(ECHERHA_CYCLE)).toBe("perishableTransit, perishable, transit, 5x ordinary");
  });

  it("the form's fields go through the API's schema, which names the bad field", () => {
    const parsed = changeSchema.safeParse(
      changeFromForm({ documentLanes: "", scanners: "2", queueCycle: "vip", reason: "" }),
    );
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(paths).toContain("settings.documentLanes");
    expect(paths).toContain("settings.queueCycle.0");
    expect(paths).toContain("reason");
  });

  it("keeps places already at the checkpoint; moves only bookings, last booked first", () => {
    const days = daysOverLimit(
      new Map([
        [0, 5],
        [1, 2],
      ]),
      [
        { id: "a", day: 0, bookedAt: 1 },
        { id: "b", day: 0, bookedAt: 3 },
        { id: "c", day: 0, bookedAt: 2 },
      ],
      2,
    );
    // five held, two allowed: three should go, but only three are movable bookings
    expect(days).toEqual([{ day: 0, held: 5, limit: 2, move: ["b", "c", "a"] }]);
  });
});
