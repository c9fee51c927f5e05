/**
 * The contract: /api/openapi.json is valid OpenAPI 3.1, every route it lists is called at least
 * once, and every answer (status, Content-Type, body) is one the document promises.
 */
import { afterAll, describe, expect, it } from "vitest";
import { type Answer, contractChecker, exampleOf, type Operation } from "./contract-probe.ts";
import { type Fixtures, SCENARIOS } from "./contract-scenarios.ts";
import { openApiStructureErrors } from "./openapi-structure.ts";
import { declareAndBook, newKey, testRuntime } from "./support.ts";

const rt = testRuntime({ WEBHOOK_ALLOW_PRIVATE_URLS: "on" });
afterAll(() => rt.close());

function fixtures(): Fixtures {
  const key = (input: Parameters<typeof newKey>[1]) => newKey(rt, input).secret;
  const revoked = newKey(rt, { kind: "monitor", label: "Revoked" });
  rt.deps.apiKeys.revoke(revoked.key.id, { userId: "test-admin" }, rt.deps.now());
  const carrier = newKey(rt, { kind: "carrier", label: "Carrier" });
  declareAndBook(rt, "700AAA02", { owner: carrier.key.id });
  declareAndBook(rt, "701AAA02");
  const unmanned = declareAndBook(rt, "702AAA02", { checkpointId: "bakhty", complete: true });
  const checkedIn = rt.deps.crossings.apply(unmanned, {
    type: "CHECK_IN",
    at: rt.deps.now(),
    actor: { kind: "officer", id: "test" },
    policy: { walkInsAllowed: true, graceMinutes: 60 },
  });
  if (!checkedIn.ok) throw new Error(checkedIn.reason);
  return {
    keys: {
      monitor: key({ kind: "monitor", label: "Monitor" }),
      carrier: carrier.secret,
      device: key({ kind: "device", label: "Camera", checkpointId: "nur-zholy" }),
      bakhtyGate: key({ kind: "device", label: "Unmanned lane", checkpointId: "bakhty" }),
      limited: key({ kind: "monitor", label: "Limited", rateLimitPerMinute: 1 }),
      revoked: revoked.secret,
    },
    bookedPlate: "701AAA02",
    unmannedPlate: "702AAA02",
  };
}

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

describe("the OpenAPI contract", async () => {
  const doc = (await (await rt.app.request("/api/openapi.json")).json()) as Record<string, unknown>;
  const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(
    ([path, item]) =>
      METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] as Operation })),
  );

  it("is a structurally valid OpenAPI 3.1 document", () => {
    expect(openApiStructureErrors(doc)).toEqual([]);
  });

  it("every route answers as the document says, and each is exercised at least once", async () => {
    const call = contractChecker(doc, (path, init) => Promise.resolve(rt.app.request(path, init)));
    const f = fixtures();
    const violations: string[] = [];
    const unexpected: string[] = [];
    const probedOnly: string[] = [];
    const answered = new Map<string, Answer[]>();
    for (const { path, method, op } of operations) {
      const route = `${method.toUpperCase()} ${path}`;
      const scenarios = SCENARIOS[route];
      const answers: Answer[] = [];
      if (scenarios) {
        for (const s of scenarios) {
          const answer = await call(op, { method, ...s.call(f) });
          violations.push(...answer.violations);
          if (answer.status !== s.expect)
            unexpected.push(`${route} (${s.name}): ${answer.status}, expected ${s.expect}`);
          else s.after?.(answer.body, f);
          answers.push(answer);
        }
      } else {
        // A route without scenarios yet: still called, with the document's own idea of an input.
        probedOnly.push(route);
        const concrete = path.replace(/\{([^}]+)\}/g, "probe");
        const body = op.requestBody?.content?.["application/json"]?.schema;
        const answer = await call(op, {
          method,
          path: concrete,
          body: body ? exampleOf(body, doc) : undefined,
          headers: { Authorization: `Bearer ${f.keys.monitor}` },
        });
        violations.push(...answer.violations);
        answers.push(answer);
      }
      answered.set(route, answers);
    }
    expect(violations).toEqual([]);
    expect(unexpected).toEqual([]);
    expect([...answered.keys()]).toHaveLength(operations.length);
    if (probedOnly.length)
      console.warn(`Routes without contract scenarios (probed only): ${probedOnly.join(", ")}`);
    // Every route with scenarios succeeded at least once.
    for (const route of Object.keys(SCENARIOS)) {
      if (!answered.has(route)) continue;
      expect(
        answered.get(route)?.some((a) => a.status < 300),
        route,
      ).toBe(true);
    }
    // Scenarios for routes the document no longer lists are stale.
    expect(Object.keys(SCENARIOS).filter((r) => !answered.has(r))).toEqual([]);
  });
});
