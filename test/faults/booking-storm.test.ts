/**
 * The booking storm: 500 drivers book at once across a few slots of a real server. No slot is ever
 * overbooked, every 201 is really booked, and every refusal is a 409 with a sentence.
 */
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { declaration } from "../api/support.ts";
import { type RunningServer, startServer } from "../support/server.ts";

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
});

interface Slot {
  start: string;
  capacity: number;
  booked: number;
  available: number;
}

const DRIVERS = 500;

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += size) {
    out.push(
      ...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)))),
    );
  }
  return out;
}

describe("a booking storm on a real server", () => {
  it("never overbooks a slot; every 201 is booked and every refusal is a 409 that says why", async () => {
    server = await startServer({ env: { SEED_DEMO_TRAFFIC: "off" } });
    const { url } = server;
    const post = (path: string, body: unknown) =>
      fetch(`${url}${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });

    const ids = await inBatches(DRIVERS, 50, async (i) => {
      const res = await post("/api/v1/crossings", declaration(`${100 + i}STR02`));
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    });

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const slots = (
      (await (await fetch(`${url}/api/v1/checkpoints/nur-zholy/slots?date=${tomorrow}`)).json()) as Slot[]
    )
      .filter((s) => s.available > 0)
      .slice(0, 3);
    expect(slots.length).toBe(3);
    const capacity = slots.reduce((sum, s) => sum + s.available, 0);
    expect(capacity).toBeLessThan(DRIVERS);

    // all at once: every driver aims at one of the three slots
    const answers = await Promise.all(
      ids.map(async (id, i) => {
        const slot = slots[i % slots.length] as Slot;
        const res = await post(`/api/v1/crossings/${id}/booking`, { slotStart: slot.start });
        return { id, slot: slot.start, status: res.status, body: (await res.json()) as { detail?: string } };
      }),
    );
    const booked = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status !== 201);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.body.detail).toMatch(/\w+.*Nothing was changed\./);
    }
    expect(booked.length).toBe(capacity);

    const db = new Database(server.dbPath, { readonly: true });
    try {
      const state = db.prepare("SELECT state, slot_start FROM crossings WHERE id = ?");
      for (const b of booked) {
        expect(state.get(b.id)).toEqual({ state: "booked", slot_start: Date.parse(b.slot) });
      }
      for (const slot of slots) {
        const count = db
          .prepare(
            "SELECT count(*) FROM crossings WHERE checkpoint_id = 'nur-zholy' AND state = 'booked' AND slot_start = ?",
          )
          .pluck()
          .get(Date.parse(slot.start)) as number;
        expect(count).toBeLessThanOrEqual(slot.capacity);
        expect(count).toBe(slot.booked + slot.available);
      }
    } finally {
      db.close();
    }
  }, 120_000);
});
