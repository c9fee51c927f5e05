import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../scripts/pg-throwaway.ts";

describe("the throw-away PostgreSQL that hub and sweep tests use", () => {
  let cluster: ThrowawayPostgres;
  beforeAll(async () => {
    cluster = await startThrowawayPostgres();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it("serves a fresh database on a loopback port", async () => {
    const url = await cluster.createDatabase("probe");
    expect(url).toMatch(/^postgres:\/\/shekara@127\.0\.0\.1:\d+\/probe$/);
    const client = new pg.Client(url);
    await client.connect();
    try {
      const { rows } = await client.query(
        "select current_database() as db, inet_server_addr()::text as addr",
      );
      expect(rows[0]).toEqual({ db: "probe", addr: "127.0.0.1/32" });
    } finally {
      await client.end();
    }
  });
});
