import { afterAll, describe, expect, it } from "vitest";
import { testRuntime } from "../api/support.ts";

const runtime = testRuntime();
afterAll(() => runtime.close());
const count = () => Number(runtime.deps.db.prepare("SELECT count(*) FROM crossings").pluck().get());
const send = (method: string, path: string, body?: unknown, raw?: string) =>
  runtime.app.request(path, {
    method,
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    headers: { "content-type": "application/json" },
  });

const declaration = (plate: string) => ({
  checkpointId: "nur-zholy",
  direction: "transit",
  vehicle: { plate, country: "KZ" },
  driver: { name: "Api Driver", phone: "+77011234567" },
  cargo: { description: "Machine parts", hsCodes: ["847989"], grossWeightKg: 12000 },
  transitDocument: { type: "TIR", number: "XY12345678" },
});

describe("drivers' JSON API", () => {
  it("declares, lists slots, books, gives the place back and cancels", async () => {
    const res = await send("POST", "/api/v1/crossings", declaration("API00001"));
    expect(res.status).toBe(201);
    const made = (await res.json()) as { id: string; code: string; state: string; statusUrl: string };
    expect(made).toMatchObject({ state: "declared", statusUrl: `/c/${made.id}` });
    expect(made.code).toMatch(/^[2-9A-HJ-KM-NP-Z]{8}$/);

    const slots = (await (await send("GET", "/api/v1/checkpoints/nur-zholy/slots")).json()) as {
      start: string;
      available: number;
    }[];
    const slot = slots.find((s) => s.available > 0);
    expect(slot).toBeDefined();
    const booked = await send("POST", `/api/v1/crossings/${made.id}/booking`, { slotStart: slot?.start });
    expect(booked.status).toBe(201);
    const body = (await booked.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ state: "booked", slot: { start: slot?.start } });
    expect(JSON.stringify(body)).not.toMatch(/channel|"(green|yellow|red)"/);

    expect((await send("DELETE", `/api/v1/crossings/${made.id}/booking`)).status).toBe(200);
    expect(await (await send("GET", `/api/v1/crossings/${made.id}`)).json()).toMatchObject({
      state: "declared",
    });
    expect((await send("DELETE", `/api/v1/crossings/${made.id}`)).status).toBe(200);
  });

  it("refuses bad input with problem+json and field errors, writing nothing", async () => {
    const before = count();
    const bad = { ...declaration("API00002"), cargo: { ...declaration("x").cargo, grossWeightKg: 99_000 } };
    const res = await send("POST", "/api/v1/crossings?lang=en", bad);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      errors: [{ field: "cargo.grossWeightKg", message: "Whole kilograms, 1 to 44 000" }],
    });
    expect((await send("POST", "/api/v1/crossings", undefined, "{not json")).status).toBe(400);
    expect((await send("POST", "/api/v1/crossings", { ...declaration("API00003"), extra: 1 })).status).toBe(
      422,
    );
    expect((await send("GET", "/api/v1/crossings/nope")).status).toBe(404);
    expect((await send("POST", "/api/v1/crossings/nope/booking", { slotStart: "soon" })).status).toBe(422);
    const huge = {
      ...declaration("API00005"),
      cargo: { ...declaration("x").cargo, description: "x".repeat(200_000) },
    };
    expect((await send("POST", "/api/v1/crossings", huge)).status).toBe(413);
    expect(count()).toBe(before);
  });

  it("refuses a second active crossing for the same truck with 409", async () => {
    expect((await send("POST", "/api/v1/crossings", declaration("API00004"))).status).toBe(201);
    const again = await send("POST", "/api/v1/crossings", declaration("API00004"));
    expect(again.status).toBe(409);
  });
});
