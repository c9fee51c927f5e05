import { afterAll, describe, expect, it } from "vitest";
import { bearer, DRIVER_NAME, DRIVER_PHONE, declareAndBook, newKey, testRuntime } from "./support.ts";

const rt = testRuntime();
afterAll(() => rt.close());
const get = (path: string, secret?: string) =>
  rt.app.request(path, { headers: secret ? bearer(secret) : {} });

type Page = {
  events: { seq: number; crossingId: string; type: string; plate?: string; details: object }[];
  next: number;
  hasMore: boolean;
};

describe("the event feed", () => {
  const monitor = newKey(rt, { kind: "monitor", label: "Cargo monitor" });
  const carrier = newKey(rt, { kind: "carrier", label: "Carrier A" });
  const ownTruck = declareAndBook(rt, "111AAA02", { owner: carrier.key.id });
  const otherTruck = declareAndBook(rt, "222BBB02");
  rt.deps.crossings.apply(otherTruck, {
    type: "CANCEL_BOOKING",
    at: rt.deps.now(),
    actor: { kind: "driver", id: "test" },
    reason: `driver ${DRIVER_NAME} (${DRIVER_PHONE}) is ill`,
  });

  it("refuses a request without a key, with problem+json and a Bearer challenge", async () => {
    const res = await get("/api/v1/events");
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("gives a monitor every event in seq order, and resumes from the cursor", async () => {
    const first = (await (await get("/api/v1/events?limit=3", monitor.secret)).json()) as Page;
    expect(first.events.map((e) => e.type)).toEqual(["DECLARE", "BOOK", "DECLARE"]);
    expect(first.hasMore).toBe(true);
    const rest = (await (await get(`/api/v1/events?after=${first.next}`, monitor.secret)).json()) as Page;
    expect(rest.events.map((e) => e.type)).toEqual(["BOOK", "CANCEL_BOOKING"]);
    const seqs = [...first.events, ...rest.events].map((e) => e.seq);
    // one pseudonym per crossing: a monitor can follow a truck without learning its secret link
    expect(new Set([...first.events, ...rest.events].map((e) => e.crossingId)).size).toBe(2);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const empty = (await (await get(`/api/v1/events?after=${rest.next}`, monitor.secret)).json()) as Page;
    expect(empty).toEqual({ events: [], next: rest.next, hasMore: false });
  });

  it("shows a monitor no personal data: no plate, no names, no phones, no free text", async () => {
    const body = await (await get("/api/v1/events?limit=1000", monitor.secret)).text();
    for (const secret of [
      DRIVER_NAME,
      DRIVER_PHONE,
      "Akhmetov",
      "111AAA02",
      "222BBB02",
      "ill",
      "riskReasons",
    ]) {
      expect(body).not.toContain(secret);
    }
    expect(body).not.toMatch(/"channel"/);
  });

  it("gives a carrier only its own crossings, with their plates", async () => {
    const page = (await (await get("/api/v1/events", carrier.secret)).json()) as Page;
    expect(new Set(page.events.map((e) => e.crossingId))).toEqual(new Set([ownTruck]));
    expect(page.events[0]?.plate).toBe("111AAA02");
  });

  it("refuses a device key, which does not hold events:read", async () => {
    const device = newKey(rt, { kind: "device", label: "ANPR gate 1", checkpointId: "nur-zholy" });
    const res = await get("/api/v1/events", device.secret);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { detail: string }).detail).toContain("events:read");
  });

  it("answers a bad cursor with 422 and the field", async () => {
    const res = await get("/api/v1/events?after=-1", monitor.secret);
    expect(res.status).toBe(422);
  });
});
