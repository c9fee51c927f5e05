/** Many parallel bookings of one slot through a real server: exactly the places left succeed. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../support/server.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: "0" } });
}, 30_000);
afterAll(async () => server?.stop());

const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });

describe("booking through a real server", () => {
  it("never overbooks one slot under parallel requests", async () => {
    const slots = (await (await fetch(`${server.url}/api/v1/checkpoints/nur-zholy/slots`)).json()) as {
      start: string;
      available: number;
    }[];
    const slot = slots.find((s) => s.available > 0);
    if (!slot) throw new Error("no free slot");
    const ids: string[] = [];
    for (let i = 0; i < slot.available + 8; i++) {
      const res = await post("/api/v1/crossings", {
        checkpointId: "nur-zholy",
        direction: "export",
        vehicle: { plate: `PAR${String(i).padStart(4, "0")}`, country: "KZ" },
        driver: { name: "Parallel", phone: "+77011234567" },
        cargo: { description: "Coal", hsCodes: ["270112"], grossWeightKg: 20000 },
        transitDocument: { type: "none" },
      });
      ids.push(((await res.json()) as { id: string }).id);
    }
    const statuses = await Promise.all(
      ids.map(
        async (id) => (await post(`/api/v1/crossings/${id}/booking`, { slotStart: slot.start })).status,
      ),
    );
    expect(statuses.filter((s) => s === 201).length).toBe(slot.available);
    expect(statuses.filter((s) => s === 409).length).toBe(8);
  }, 60_000);
});
