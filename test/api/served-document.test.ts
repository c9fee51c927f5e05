/**
 * The OpenAPI document as a real server process serves it, checked the way integrators use it:
 * Redocly's recommended ruleset finds nothing in it, and every operation's examples are accepted
 * and answered as documented by that server.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCOPES_OF_KIND } from "../../src/domain/api-access.ts";
import { exchangesOf, type OpenApiDocument, operationsOf } from "../../views/api/openapi.ts";
import { signIn } from "../officer/support.ts";
import { lintServedDocument } from "../support/openapi-lint.ts";
import { type RunningServer, startServer } from "../support/server.ts";
import { type DocOperation, examplesOf, runExample } from "./example-runner.ts";
import { buildExampleWorld, type ExampleWorld } from "./example-world.ts";
import type { CarrierFlow } from "./typed-client/flow-types.ts";
import { GENERATED_DIR, generateClientTypes, typeCheck } from "./typed-client/generate.ts";

let server: RunningServer;
let world: ExampleWorld;
beforeAll(async () => {
  const dbPath = join(mkdtempSync(join(tmpdir(), "shekara-examples-")), "examples.db");
  world = buildExampleWorld(dbPath);
  server = await startServer({ dbPath });
}, 180_000); // a database built and a server started, on a loaded shared machine
afterAll(() => server?.stop());

let supervisor: { cookie: string; csrf: string } | undefined;
/** The headers an operation's security asks for: a key of a kind holding its scope, or a session. */
async function credentials(op: DocOperation): Promise<Record<string, string>> {
  const required = op.security?.[0] ?? {};
  if ("officerSession" in required) {
    supervisor ??= await signIn(
      (path, init) => fetch(`${server.url}${path}`, init),
      "supervisor.nurzholy",
      "nur-zholy",
    );
    return { Cookie: supervisor.cookie, "X-CSRF-Token": supervisor.csrf };
  }
  const scope = required.apiKey?.[0];
  if (!scope) return {};
  // a carrier's key first, as integrators mostly are
  const kind = (["carrier", "monitor", "device", "gate"] as const).find((k) =>
    (SCOPES_OF_KIND[k] as readonly string[]).includes(scope),
  );
  if (!kind) throw new Error(`no kind of key holds ${scope}`);
  return { Authorization: `Bearer ${world.keys[kind]}` };
}

const served = async () =>
  (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Record<string, unknown>;

describe("the served OpenAPI document", () => {
  it("passes redocly lint with the recommended ruleset: no errors, no warnings", {
    timeout: 120_000,
  }, async () => {
    expect(await lintServedDocument(`${server.url}/api/openapi.json`)).toEqual([]);
  });

  it("has an example for every operation, and the server answers each as documented", async () => {
    const doc = await served();
    const { cases, missing } = examplesOf(doc);
    expect(missing).toEqual([]);
    const violations: string[] = [];
    for (const c of cases) {
      const target = { base: `${server.url}/api`, credentials: await credentials(c.op), ids: world.ids };
      violations.push(...(await runExample(doc, c, target)));
    }
    expect(violations).toEqual([]);
    // every operation of the document took part
    const operations = new Set(cases.map((c) => c.operationId));
    expect(operations.size).toBeGreaterThanOrEqual(23);
  });

  it("answers a path parameter longer than its schema allows with a problem the operation lists", async () => {
    const doc = await served();
    const undocumented: string[] = [];
    let tried = 0;
    for (const { path, method, op } of operationsOf(doc as unknown as OpenApiDocument)) {
      const example = exchangesOf(op)[0];
      for (const p of op.parameters ?? []) {
        const max = p.schema?.maxLength;
        if (p.in !== "path" || max === undefined) continue;
        const url = path.replace(/\{([^}]+)\}/g, (_, name: string) =>
          name === p.name ? "x".repeat(max + 1) : String(example?.params[name] ?? "x"),
        );
        tried++;
        const res = await fetch(`${server.url}/api${url}`, {
          method: method.toUpperCase(),
          headers: { ...(await credentials(op)), "Content-Type": "application/json" },
          body: example?.body === undefined ? undefined : JSON.stringify(example.body),
        });
        const media = res.headers.get("content-type") ?? "";
        if (!op.responses?.[String(res.status)] || !media.startsWith("application/problem+json"))
          undocumented.push(`${op.operationId} (${p.name}): ${res.status} ${media}`);
      }
    }
    expect(undocumented).toEqual([]);
    expect(tried).toBeGreaterThanOrEqual(10);
  });

  // tsc on the generated types takes a while on a shared machine
  it("generates a typed client that compiles under the strict tsconfig and runs a carrier's whole flow", {
    timeout: 180_000,
  }, async () => {
    const types = join(GENERATED_DIR, "post-api.ts");
    const text = await generateClientTypes(`${server.url}/api/openapi.json`, types);
    // a method name per operation, as generated clients use them
    expect(text).toContain("declareCarrierCrossing: {");
    expect(text).toContain("bookSlot: {");
    const flowFile = new URL("./typed-client/carrier-flow.ts", import.meta.url).pathname;
    const checked = await typeCheck([types, flowFile]);
    expect(checked.output).toBe("");
    expect(checked.ok).toBe(true);

    // imported by URL, so the project's own tsc does not follow it to types that exist only now
    const { carrierFlow } = (await import(flowFile)) as { carrierFlow: CarrierFlow };
    const log = await carrierFlow(
      `${server.url}/api`,
      { carrier: world.keys.carrier, camera: world.keys.nurZholyCamera },
      "520TOM02",
    );
    expect(log.checkpoints).toContain("nur-zholy");
    expect(log).toMatchObject({
      booked: "booked",
      checkedIn: "waitingArea",
      carrierView: "waitingArea",
      cancelled: "cancelled",
      refusal: { status: 409 },
    });
    expect(log.position).toBeGreaterThanOrEqual(1);
  });
});
