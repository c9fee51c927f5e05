/**
 * A read-only database file or a full disk: the API answers 503 with a clear problem, reads go on,
 * and nothing is half-written. Both faults are real SQLite behaviour on a real file: `query_only`
 * refuses every write as a read-only file does, and `max_page_count` at the current size makes the
 * file as full as a full disk would.
 */
import { afterEach, describe, expect, it } from "vitest";
import { bearer, declaration, newKey, testRuntime } from "../api/support.ts";
import { tempDbPath } from "../store/helpers.ts";

type Runtime = ReturnType<typeof testRuntime>;

let rt: Runtime | undefined;
afterEach(async () => {
  await rt?.close();
  rt = undefined;
});

const crossingCount = (r: Runtime) =>
  (r.deps.db.prepare("SELECT count(*) AS n FROM crossings").get() as { n: number }).n;
const eventCount = (r: Runtime) =>
  (r.deps.db.prepare("SELECT count(*) AS n FROM crossing_events").get() as { n: number }).n;

async function declareThroughApi(r: Runtime, secret: string, plate: string) {
  return r.app.request("/api/v1/carrier/crossings", {
    method: "POST",
    headers: { ...bearer(secret), "Content-Type": "application/json" },
    body: JSON.stringify(declaration(plate)),
  });
}

/** Caps the file at its current size, then fills the free space left in its pages. */
function fillTheDisk(r: Runtime) {
  const pages = r.deps.db.pragma("page_count", { simple: true }) as number;
  r.deps.db.exec("CREATE TABLE filler (bytes BLOB)");
  r.deps.db.pragma(`max_page_count = ${pages + 1}`);
  const insert = r.deps.db.prepare("INSERT INTO filler VALUES (zeroblob(?))");
  for (const size of [4096, 512, 64, 8, 1]) {
    try {
      for (;;) insert.run(size);
    } catch {
      // full at this size: try smaller pieces to leave no room at all
    }
  }
}

describe.each<[string, (r: Runtime) => void]>([
  ["a read-only database file", (r) => r.deps.db.exec("PRAGMA query_only = ON")],
  ["a full disk", fillTheDisk],
])("with %s", (_name, fault) => {
  it("answers a write with 503 and a clear problem, writes nothing, and still serves reads", async () => {
    rt = testRuntime({ DATABASE_PATH: tempDbPath() });
    const carrier = newKey(rt, { kind: "carrier", label: "Carrier" });
    expect((await declareThroughApi(rt, carrier.secret, "100AAA02")).status).toBe(201);
    fault(rt);
    // A full disk refuses a write once a table needs a new page: declare until the first refusal
    let crossings = 0;
    let events = 0;
    let res: Response | undefined;
    for (let i = 0; i < 500; i++) {
      crossings = crossingCount(rt);
      events = eventCount(rt);
      res = await declareThroughApi(rt, carrier.secret, `${200 + i}AAA02`);
      if (res.status !== 201) break;
    }
    if (!res) throw new Error("no request was made");
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("retry-after")).toBe("60");
    const body = (await res.json()) as { detail: string };
    expect(body.detail).toMatch(/cannot be written.*Nothing was changed/);

    expect(crossingCount(rt)).toBe(crossings);
    expect(eventCount(rt)).toBe(events);
    expect(rt.deps.db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect((await rt.app.request("/api/v1/wait-times")).status).toBe(200);
  });
});
