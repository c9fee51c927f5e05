import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../support/server.ts";

const eventsIn = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT * FROM crossing_events ORDER BY seq").all();
  } finally {
    db.close();
  }
};

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.kill();
});

describe("a real server process", () => {
  it("creates and seeds its database on first start, and loses nothing when killed and started again", async () => {
    server = await startServer();
    const first = await (await fetch(`${server.url}/api/v1/checkpoints`)).json();
    expect((first as unknown[]).length).toBe(7);
    expect(server.output()).toContain("Seeded 7 checkpoints");
    const dbPath = server.dbPath;
    const port = server.port;
    const events = eventsIn(dbPath);
    expect(events.length).toBeGreaterThan(100);
    await server.kill(); // SIGKILL: no clean shutdown
    server = await startServer({ dbPath, port });
    expect(server.output()).not.toContain("Seeded");
    expect(await (await fetch(`${server.url}/api/v1/checkpoints`)).json()).toEqual(first);
    // Every event acknowledged before the kill is still there, unchanged (timers may have added more).
    expect(eventsIn(dbPath).slice(0, events.length)).toEqual(events);
  });

  it("closes cleanly on SIGTERM", async () => {
    server = await startServer();
    await server.stop();
    expect(server.process.exitCode).toBe(0);
    expect(server.output()).toContain("SIGTERM");
  });
});
