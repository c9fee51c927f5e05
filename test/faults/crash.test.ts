/**
 * The power cut: a real server process is killed with SIGKILL in the middle of a storm of writes
 * (carriers' pre-declarations through the API), then started again. Every acknowledged write is
 * there, every stored snapshot equals a replay of its event log, and the server goes on.
 */
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { apiKeyStore } from "../../src/store/api-keys.ts";
import { openDatabase } from "../../src/store/db.ts";
import { declaration } from "../api/support.ts";
import { type RunningServer, startServer } from "../support/server.ts";
import { expectSnapshotsEqualTheirLogs } from "../support/stored-truth.ts";

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.kill();
});

function carrierKey(dbPath: string): string {
  const db = openDatabase(dbPath);
  try {
    return apiKeyStore(db).create(
      { kind: "carrier", label: "Storm carrier", rateLimitPerMinute: 100_000 },
      { userId: "test-admin" },
      Date.now(),
    ).secret;
  } finally {
    db.close();
  }
}

describe("a server killed in the middle of a storm of writes", () => {
  it("keeps every acknowledged write, and its snapshots equal a replay of the log", async () => {
    server = await startServer({ env: { SEED_DEMO_TRAFFIC: "off" } });
    const { dbPath, port, url } = server;
    const secret = carrierKey(dbPath);

    const acknowledged: string[] = [];
    // a storm that goes on until the process dies: forty carriers' systems, each sending its next
    // declaration as soon as the last is answered, so the kill always lands in the middle of it
    // (a storm of a fixed size could be over by the time the kill comes, on a fast day)
    let sent = 0;
    let cut = 0;
    const carrierSystem = async () => {
      while (sent < 20_000) {
        const plate = `${100 + sent++}STM02`;
        try {
          const res = await fetch(`${url}/api/v1/carrier/crossings`, {
            method: "POST",
            headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" },
            body: JSON.stringify(declaration(plate, sent % 2 ? "nur-zholy" : "korday")),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        } catch {
          // the connection died with the process: not acknowledged, so it may or may not be there
          cut++;
          return;
        }
      }
    };
    const storm = Array.from({ length: 40 }, carrierSystem);
    // pull the plug once the storm is under way
    while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 5));
    await server.kill();
    await Promise.all(storm);
    // every carrier's system was cut off mid-request
    expect(cut).toBe(40);

    server = await startServer({ dbPath, port, env: { SEED_DEMO_TRAFFIC: "off" } });
    const db = new Database(dbPath, { readonly: true });
    try {
      const stored = new Set(db.prepare("SELECT id FROM crossings").pluck().all() as string[]);
      for (const id of acknowledged) expect(stored.has(id), `acknowledged crossing ${id}`).toBe(true);

      expectSnapshotsEqualTheirLogs(db);
    } finally {
      db.close();
    }
    // and the restarted server goes on taking writes
    const after = await fetch(`${url}/api/v1/carrier/crossings`, {
      method: "POST",
      headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" },
      body: JSON.stringify(declaration("999STM02")),
    });
    expect(after.status).toBe(201);
  }, 60_000);
});
