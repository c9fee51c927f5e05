import { afterAll, describe, expect, it } from "vitest";
import { bearer, declaration, newKey, testRuntime } from "./support.ts";

const rt = testRuntime();
afterAll(() => rt.close());
const carrierA = newKey(rt, { kind: "carrier", label: "Carrier A" });
const carrierB = newKey(rt, { kind: "carrier", label: "Carrier B" });

const declare = (secret: string, plate: string, checkpointId = "nur-zholy") =>
  rt.app.request("/api/v1/carrier/crossings", {
    method: "POST",
    headers: { ...bearer(secret), "Content-Type": "application/json" },
    body: JSON.stringify(declaration(plate, checkpointId)),
  });
const get = (path: string, secret: string) => rt.app.request(path, { headers: bearer(secret) });

interface Crossing {
  id: string;
  plate: string;
  state: string;
}

describe("a carrier's platform with its key", () => {
  it("lodges a pre-declaration that belongs to its key, with the key as actor and no customs secrets", async () => {
    const res = await declare(carrierA.secret, "901 AAA 02");
    expect(res.status).toBe(201);
    const body = (await res.json()) as Crossing & Record<string, unknown>;
    // the plate as typed, for display; compared in canonical form (issue 14)
    expect(body).toMatchObject({ plate: "901 AAA 02", state: "declared" });
    expect(body).not.toHaveProperty("channel");
    expect(JSON.stringify(body)).not.toContain("riskReasons");
    expect(rt.deps.crossings.get(body.id)?.row.owner).toBe(carrierA.key.id);
    expect(rt.deps.crossings.events(body.id)[0]).toMatchObject({
      actor_kind: "carrier",
      actor_id: carrierA.key.id,
    });
  });

  it("cannot read another carrier's crossing: it is answered as unknown", async () => {
    const mine = (await (await declare(carrierA.secret, "902AAA02")).json()) as Crossing;
    expect((await get(`/api/v1/carrier/crossings/${mine.id}`, carrierA.secret)).status).toBe(200);
    const other = await get(`/api/v1/carrier/crossings/${mine.id}`, carrierB.secret);
    expect(other.status).toBe(404);
    expect(other.headers.get("content-type")).toBe("application/problem+json");
    const list = (await (await get("/api/v1/carrier/crossings", carrierB.secret)).json()) as {
      crossings: Crossing[];
    };
    expect(list.crossings.map((c) => c.id)).not.toContain(mine.id);
  });

  it("lists its own crossings newest first, a page at a time, with filters", async () => {
    for (const plate of ["910AAA02", "911AAA02", "912AAA02"]) await declare(carrierB.secret, plate, "korday");
    const first = (await (
      await get("/api/v1/carrier/crossings?limit=2&checkpoint=korday", carrierB.secret)
    ).json()) as {
      crossings: Crossing[];
      next: string | null;
    };
    expect(first.crossings.map((c) => c.plate)).toEqual(["912AAA02", "911AAA02"]);
    const second = (await (
      await get(`/api/v1/carrier/crossings?limit=2&checkpoint=korday&cursor=${first.next}`, carrierB.secret)
    ).json()) as { crossings: Crossing[]; next: string | null };
    expect(second).toMatchObject({ crossings: [{ plate: "910AAA02" }], next: null });
    const booked = (await (await get("/api/v1/carrier/crossings?state=booked", carrierB.secret)).json()) as {
      crossings: Crossing[];
    };
    expect(booked.crossings).toEqual([]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const none = (await (await get(`/api/v1/carrier/crossings?from=${future}`, carrierB.secret)).json()) as {
      crossings: Crossing[];
    };
    expect(none.crossings).toEqual([]);
  });

  it("gets one active crossing per truck, and a monitor key may not declare", async () => {
    await declare(carrierA.secret, "920AAA02");
    const again = await declare(carrierB.secret, "920AAA02");
    expect(again.status).toBe(409);
    expect(JSON.stringify(await again.json())).not.toMatch(/code/i); // the other carrier's booking code stays theirs
    const monitor = newKey(rt, { kind: "monitor", label: "M" });
    expect((await declare(monitor.secret, "921AAA02")).status).toBe(403);
  });
});
