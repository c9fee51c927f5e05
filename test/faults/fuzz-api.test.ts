/**
 * Bad input over every route of the OpenAPI document (fast-check): random and malformed bodies,
 * wrong types, huge strings, control characters, mixed scripts, SQL and HTML fragments, in bodies,
 * path parameters and query strings, sent with each kind of key. Always an answer below 500, always
 * JSON, and a refusal writes nothing.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { bearer, declaration, newKey, testRuntime } from "../api/support.ts";
import { nastyText } from "../support/nasty.ts";

// no address limit here: every fuzzed write should reach the validation
const rt = testRuntime({ RATE_LIMIT_PER_MINUTE: "0" });
afterAll(() => rt.close());
const keys = [
  // a rate limit the fuzzing never reaches, so every run gets past it to the validation
  newKey(rt, { kind: "carrier", label: "Fuzz carrier", rateLimitPerMinute: 100_000 }),
  newKey(rt, {
    kind: "device",
    label: "Fuzz device",
    checkpointId: "nur-zholy",
    rateLimitPerMinute: 100_000,
  }),
  newKey(rt, { kind: "monitor", label: "Fuzz monitor", rateLimitPerMinute: 100_000 }),
];

interface Operation {
  method: string;
  path: string;
  hasBody: boolean;
}
const document = (await (await rt.app.request("/api/openapi.json")).json()) as {
  paths: Record<string, Record<string, { requestBody?: unknown }>>;
};
const operations: Operation[] = Object.entries(document.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({
    method: method.toUpperCase(),
    path: `/api${path}`,
    hasBody: op.requestBody !== undefined,
  })),
);

const nasty = nastyText(["../../etc/passwd", "%00"]);
const body = fc.oneof(
  fc.anything().map((v) => JSON.stringify(v) ?? "null"),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .dictionary(
      fc.constantFrom("checkpointId", "plate", "vehicle", "cargo", "url", "secret", "events"),
      nasty,
    )
    .map((v) => JSON.stringify(v)),
  nasty,
  // a valid declaration with one field spoiled reaches the deepest checks
  fc
    .tuple(fc.constantFrom("plate", "country", "name", "phone", "hsCodes", "grossWeightKg"), nasty)
    .map(([field, value]) => {
      const d = declaration("123ABC02") as unknown as Record<string, Record<string, unknown>>;
      const part = ["plate", "country"].includes(field)
        ? "vehicle"
        : ["name", "phone"].includes(field)
          ? "driver"
          : "cargo";
      return JSON.stringify({ ...d, [part]: { ...d[part], [field]: value } });
    }),
);

/** Everything a refusal must leave as it was (the audit of key use aside). */
function writtenRows(): number {
  const tables = rt.deps.db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%audit%' AND name NOT LIKE 'sqlite_%'",
    )
    .all() as { name: string }[];
  return tables.reduce(
    (sum, t) => sum + (rt.deps.db.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n,
    0,
  );
}

describe.each(operations)("$method $path", (op) => {
  it("answers any input below 500, as JSON, and writes nothing when it refuses", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(keys.length - 1),
        nasty,
        nasty,
        body,
        async (keyIndex, param, query, payload) => {
          const key = keys[keyIndex];
          if (!key) throw new Error("no key");
          const path = op.path.replace(/\{[^}]+\}/g, encodeURIComponent(param));
          const url = `${path}?after=${encodeURIComponent(query)}&limit=${encodeURIComponent(query)}&state=${encodeURIComponent(query)}`;
          const before = writtenRows();
          const res = await rt.app.request(url, {
            method: op.method,
            headers: { ...bearer(key.secret), "Content-Type": "application/json" },
            ...(op.hasBody ? { body: payload } : {}),
          });
          const text = await res.text();
          expect(res.status, text).toBeLessThan(500);
          expect(res.headers.get("content-type") ?? "").toMatch(/json/);
          if (res.status >= 400) expect(writtenRows()).toBe(before);
        },
      ),
      { numRuns: 60 },
    );
  });
});
