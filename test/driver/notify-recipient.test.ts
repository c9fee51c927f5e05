import { afterAll, describe, expect, it } from "vitest";
import { notifyOnce } from "../../src/jobs/notify.ts";
import type { Recipient, Sender } from "../../src/notify/sender.ts";
import type { Notification } from "../../src/store/notifications.ts";
import { DRIVER_PHONE, testRuntime } from "../api/support.ts";
import { calledTruck } from "./support/called.ts";

// the runtime's own sender stays out of the way: the test drives notifyOnce itself
const rt = testRuntime({ NOTIFY_POLL_MS: "3600000" });
afterAll(() => rt.close());

describe("a sender plugged into the notifications", () => {
  it("is handed the driver's phone and booking code, so an SMS gateway needs nothing else", async () => {
    const id = calledTruck(rt, "RCP001KZ", 4);
    const got: [Notification, Recipient][] = [];
    const sms: Sender = async (n, to) => {
      got.push([n, to]);
    };
    await notifyOnce(rt.deps, sms, rt.deps.now());
    const mine = got.filter(([n]) => n.crossingId === id);
    expect(mine.map(([n]) => [n.kind, n.params.lane])).toEqual([["called", 4]]);
    expect(mine[0]?.[1]).toEqual({
      phone: DRIVER_PHONE,
      code: rt.deps.crossings.get(id)?.row.code,
      checkpointId: "nur-zholy",
    });
  });
});
