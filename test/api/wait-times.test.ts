import { afterAll, describe, expect, it } from "vitest";
import { estimateWaitMinutes, isOpen } from "../../src/domain/wait-times.ts";
import { createApp } from "../../src/http/app.tsx";
import { bearer, declareAndBook, newKey, testRuntime } from "./support.ts";

const rt = testRuntime();
afterAll(() => rt.close());
let clock = Date.UTC(2026, 10, 25, 6);
const app = createApp({ ...rt.deps, now: () => clock });

interface WaitTime {
  checkpointId: string;
  trucksWaiting: number;
  estimatedWaitMinutes: number | null;
  lanesOpen: number;
  throughputLastHour: number;
  updatedAt: string;
}

const checkIn = (plate: string) => {
  const id = declareAndBook(rt, plate);
  const done = rt.deps.crossings.apply(id, {
    type: "CHECK_IN",
    at: rt.deps.now(),
    actor: { kind: "device", id: "test" },
    policy: { walkInsAllowed: true, graceMinutes: 60 },
  });
  if (!done.ok) throw new Error(done.reason);
};

describe("the public wait-time feed", () => {
  it("lists every checkpoint without a key, and is cached for a few seconds", async () => {
    const first = await app.request("/api/v1/wait-times");
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("public, max-age=5");
    const list = (await first.json()) as WaitTime[];
    expect(list).toHaveLength(7);
    expect(list.find((w) => w.checkpointId === "nur-zholy")).toMatchObject({
      trucksWaiting: 0,
      estimatedWaitMinutes: 0,
    });

    for (const plate of ["501AAA02", "502AAA02", "503AAA02"]) checkIn(plate);
    clock += 1_000;
    const cached = (await (await app.request("/api/v1/checkpoints/nur-zholy/wait-times")).json()) as WaitTime;
    expect(cached.trucksWaiting).toBe(0); // still the figure of a second ago
    clock += 5_000;
    const fresh = (await (await app.request("/api/v1/checkpoints/nur-zholy/wait-times")).json()) as WaitTime;
    expect(fresh).toMatchObject({
      trucksWaiting: 3,
      throughputLastHour: 0,
      updatedAt: new Date(clock).toISOString(),
    });
    expect(fresh.lanesOpen).toBeGreaterThan(0);
    expect(fresh.estimatedWaitMinutes).toBeGreaterThan(0);
  });

  it("holds no personal data", async () => {
    clock += 10_000;
    const body = await (await app.request("/api/v1/wait-times")).text();
    expect(body).not.toMatch(/501AAA02|Akhmetov|\+7701/);
  });

  it("answers an unknown checkpoint with 404 problem+json", async () => {
    const res = await app.request("/api/v1/checkpoints/atlantis/wait-times");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("takes a key if one is given, and refuses a bad one", async () => {
    const monitor = newKey(rt, { kind: "monitor", label: "Poller" });
    expect((await app.request("/api/v1/wait-times", { headers: bearer(monitor.secret) })).status).toBe(200);
    expect((await app.request("/api/v1/wait-times", { headers: bearer("shk_monitor_nope") })).status).toBe(
      401,
    );
  });
});

describe("the wait estimate", () => {
  it("divides the trucks ahead by the last hour's throughput", () => {
    expect(
      estimateWaitMinutes({ trucksWaiting: 30, lanesOpen: 8, throughputLastHour: 60, dailyLimit: 650 }),
    ).toBe(30);
  });

  it("uses the lanes' capacity, capped by the neighbour's daily limit, when nothing left in the last hour", () => {
    // 8 lanes could do 48 an hour, but the neighbour takes 650 a day: 27 an hour
    expect(
      estimateWaitMinutes({ trucksWaiting: 27, lanesOpen: 8, throughputLastHour: 0, dailyLimit: 648 }),
    ).toBe(60);
  });

  it("has no estimate while the checkpoint is closed", () => {
    expect(
      estimateWaitMinutes({ trucksWaiting: 5, lanesOpen: 0, throughputLastHour: 0, dailyLimit: 650 }),
    ).toBeNull();
    expect(isOpen({ openFromHour: 8, openToHour: 20 }, 21)).toBe(false);
    expect(isOpen({ openFromHour: 0, openToHour: 24 }, 23)).toBe(true);
  });
});
