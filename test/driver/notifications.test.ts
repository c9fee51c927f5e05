import { afterAll, describe, expect, it } from "vitest";
import { expireLapsedBookings, missDueCalls } from "../../src/jobs/call-deadlines.ts";
import { notifyOnce } from "../../src/jobs/notify.ts";
import type { Sender } from "../../src/notify/sender.ts";
import { checkpointSettingsStore } from "../../src/store/checkpoint-settings.ts";
import type { StoredCheckpoint } from "../../src/store/checkpoints.ts";
import { MAX_ATTEMPTS, type Notification, notificationStore } from "../../src/store/notifications.ts";
import { declareAndBook, testRuntime } from "../api/support.ts";
import { calledTruck as called } from "./support/called.ts";

// the runtime's own sender stays out of the way: these tests drive notifyOnce themselves
const rt = testRuntime({ NOTIFY_POLL_MS: "3600000" });
afterAll(() => rt.close());
const store = notificationStore(rt.deps.db);
const OFFICER = { kind: "officer" as const, id: "o-1" };
const nurZholy = () => rt.deps.checkpoints.get("nur-zholy") as StoredCheckpoint;

const calledTruck = (plate: string) => called(rt, plate);

describe("drivers' notifications", () => {
  it("a call enqueues one notice, which the crossing page shows in the driver's language", async () => {
    const id = calledTruck("NOT001");
    const notices = store.ofCrossing(id);
    expect(notices.map((n) => [n.kind, n.params.lane])).toEqual([["called", 3]]);
    const page = await (await rt.app.request(`/c/${id}?lang=ru`)).text();
    expect(page).toContain("Вызов на полосу 3");
    const live = await (await rt.app.request(`/c/${id}/live?lang=en`)).text();
    expect(live).toMatch(/Called to lane 3: be there before \d\d:\d\d/);
  });

  it("the driver's own changes are not notified back; a hold names the documents asked for", () => {
    const id = calledTruck("NOT002");
    const now = rt.deps.now();
    for (const event of [
      { type: "ARRIVE_AT_LANE" as const, at: now, actor: OFFICER },
      { type: "HOLD" as const, documents: "phytosanitary certificate", at: now, actor: OFFICER },
    ])
      expect(rt.deps.crossings.apply(id, event).ok).toBe(true);
    expect(store.ofCrossing(id).map((n) => [n.kind, n.params.reason])).toEqual([
      ["onHold", "phytosanitary certificate"],
      ["called", null],
    ]);
    const booked = declareAndBook(rt, "NOT003");
    rt.deps.crossings.apply(booked, { type: "CANCEL_BOOKING", at: now, actor: { kind: "driver", id: "d" } });
    expect(store.ofCrossing(booked)).toEqual([]);
  });

  it("tells a driver whose crossing a supervisor voided, with the supervisor's reason, in their language", async () => {
    const id = declareAndBook(rt, "NOT0V1");
    const voided = rt.deps.crossings.apply(id, {
      type: "VOID",
      reason: "the plate belongs to another truck",
      at: rt.deps.now(),
      actor: { kind: "supervisor", id: "s-1" },
    });
    expect(voided.ok).toBe(true);
    expect(store.ofCrossing(id).map((n) => [n.kind, n.params.reason])).toEqual([
      ["crossing-cancelled", "the plate belongs to another truck"],
    ]);
    const page = await (await rt.app.request(`/c/${id}?lang=ru`)).text();
    expect(page).toContain(
      "Пункт пропуска отменил этот проезд (примечание сотрудника: the plate belongs to another truck).",
    );
  });

  it("the sender marks each sent; a failing sender is tried again later, then given up", async () => {
    const id = calledTruck("NOT004");
    const sent: Notification[] = [];
    const ok: Sender = async (n) => {
      sent.push(n);
    };
    let now = rt.deps.now();
    await notifyOnce(rt.deps, ok, now);
    expect(sent.some((n) => n.crossingId === id)).toBe(true);
    expect(store.ofCrossing(id)[0]?.sentAt).toBe(now);
    await notifyOnce(rt.deps, ok, now);
    expect(sent.filter((n) => n.crossingId === id)).toHaveLength(1); // once only

    const other = calledTruck("NOT005");
    const down: Sender = async () => {
      throw new Error("SMS gateway unreachable");
    };
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await notifyOnce(rt.deps, down, now);
      now += 24 * 3_600_000; // past every backoff
    }
    const [notice] = store.ofCrossing(other);
    expect(notice?.attempts).toBe(MAX_ATTEMPTS);
    expect(notice?.sentAt).toBeNull();
    const row = rt.deps.db
      .prepare("SELECT given_up_at, last_error FROM notifications WHERE id = ?")
      .get(notice?.id);
    expect(row).toMatchObject({ last_error: "SMS gateway unreachable" });
    expect((row as { given_up_at: number | null }).given_up_at).not.toBeNull();
  });

  it("warns once that a booked slot is about to lapse", async () => {
    const id = declareAndBook(rt, "NOT006");
    const slotEnd = rt.deps.crossings.get(id)?.row.slot_end as number;
    const grace = nurZholy().config.graceMinutes * 60_000;
    const nothing: Sender = async () => {};
    await notifyOnce(rt.deps, nothing, slotEnd + grace - 60 * 60_000); // an hour before: too early
    expect(store.ofCrossing(id)).toEqual([]);
    await notifyOnce(rt.deps, nothing, slotEnd + grace - 20 * 60_000);
    await notifyOnce(rt.deps, nothing, slotEnd + grace - 10 * 60_000);
    expect(store.ofCrossing(id).map((n) => [n.kind, n.params.deadline])).toEqual([
      ["slot-expiring", slotEnd + grace],
    ]);
  });

  it("a booking the checkpoint moves tells its driver where it went", () => {
    const now = rt.deps.now();
    const settings = checkpointSettingsStore(rt.deps.db, rt.deps.checkpoints, rt.deps.crossings);
    const slot = Math.ceil((now + 86_400_000) / 3_600_000) * 3_600_000;
    const ids = ["NOT007", "NOT008"].map((plate) => {
      const id = declareAndBook(rt, plate);
      rt.deps.crossings.apply(id, { type: "CANCEL_BOOKING", at: now, actor: { kind: "driver", id: "d" } });
      rt.deps.crossings.apply(id, {
        type: "BOOK",
        slot: { start: slot, end: slot + 3_600_000 },
        at: now,
        actor: { kind: "driver", id: "d" },
      });
      return id;
    });
    const held = Number(
      rt.deps.db
        .prepare(
          "SELECT count(*) FROM crossings WHERE checkpoint_id = 'nur-zholy' AND slot_start >= ? AND slot_start < ? AND state = 'booked'",
        )
        .pluck()
        .get(slot - 86_400_000, slot + 86_400_000),
    );
    const cp = nurZholy();
    const {
      documentLanes,
      scanners,
      inspectionBays,
      slotCapacity,
      queueCycle,
      graceMinutes,
      walkInsAllowed,
      unmannedGreenLane,
    } = cp.config;
    const outcome = settings.save(
      cp,
      {
        settings: {
          documentLanes,
          scanners,
          inspectionBays,
          slotCapacity,
          dailyLimit: Math.max(1, held - 1),
          queueCycle: [...queueCycle],
          graceMinutes,
          walkInsAllowed,
          unmannedGreenLane,
        },
        reason: "neighbour accepts fewer",
        confirmMoves: true,
      },
      { kind: "supervisor", id: "s-1" },
      now,
    );
    expect(outcome.ok).toBe(true);
    const moved = ids.find((id) => store.ofCrossing(id).length > 0) as string;
    expect(store.ofCrossing(moved).map((n) => n.kind)).toEqual(["booking-moved", "booking-cancelled"]);
    expect(store.ofCrossing(moved)[1]?.params.reason).toContain("daily limit lowered");
  });

  it("tells a driver who missed the call, and one whose crossing expired", async () => {
    const id = calledTruck("NOT009");
    const deadline = rt.deps.crossings.get(id)?.row.call_deadline as number;
    missDueCalls(rt.deps, deadline + 1); // the earlier tests' called trucks fall due too
    expect(rt.deps.crossings.get(id)?.row.state).toBe("waitingArea");
    expect(store.ofCrossing(id)[0]?.kind).toBe("missed-call");

    const lapsed = declareAndBook(rt, "NOT010");
    const slotEnd = rt.deps.crossings.get(lapsed)?.row.slot_end as number;
    expireLapsedBookings(rt.deps, slotEnd + nurZholy().config.graceMinutes * 60_000 + 1);
    expect(store.ofCrossing(lapsed).map((n) => n.kind)).toEqual(["expired"]);
    const page = await (await rt.app.request(`/c/${lapsed}?lang=en`)).text();
    expect(page).toContain("This crossing has expired");
  });
});
