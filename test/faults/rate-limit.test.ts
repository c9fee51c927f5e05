/** Drivers' writes are limited per client address on a real server; reads are not. */
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { declaration } from "../api/support.ts";
import { type RunningServer, startServer } from "../support/server.ts";

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
});

describe("the per-address limit on drivers' writes", () => {
  it("answers 429 with Retry-After past the limit, writes nothing then, and never limits reads", async () => {
    server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: "5", SEED_DEMO_TRAFFIC: "off" } });
    const declare = (plate: string) =>
      fetch(`${server?.url}/api/v1/crossings`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(declaration(plate)),
      });
    for (let i = 0; i < 5; i++) expect((await declare(`${500 + i}RTL02`)).status).toBe(201);
    const limited = await declare("599RTL02");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { detail: string }).detail).toMatch(/5 a minute.*nothing was changed/);

    for (let i = 0; i < 20; i++) expect((await fetch(`${server.url}/api/v1/wait-times`)).status).toBe(200);
    const db = new Database(server.dbPath, { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM crossings WHERE plate = '599RTL02'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
