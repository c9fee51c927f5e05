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
import { signIn } from "../officer/support.ts";
import { lintServedDocument } from "../support/openapi-lint.ts";
import { type RunningServer, startServer } from "../support/server.ts";
import { type DocOperation, examplesOf, runExample } from "./example-runner.ts";
import { buildExampleWorld, type ExampleWorld } from "./example-world.ts";

let server: RunningServer;
let world: ExampleWorld;
beforeAll(async () => {
  const dbPath = join(mkdtempSync(join(tmpdir(), "shekara-examples-")), "examples.db");
  world = buildExampleWorld(dbPath);
  server = await startServer({ dbPath });
});
afterAll(() => server?.stop());

const served = async () =>
  (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Record<string, unknown>;

describe("the served OpenAPI document", () => {
  it("passes redocly lint with the recommended ruleset: no errors, no warnings", async () => {
    expect(await lintServedDocument(`${server.url}/api/openapi.json`)).toEqual([]);
  });

  it("has an example for every operation, and the server answers each as documented", async () => {
    const doc = await served();
    const { cases, missing } = examplesOf(doc);
    expect(missing).toEqual([]);
    const supervisor = await signIn(
      (path, init) => fetch(`${server.url}${path}`, init),
      "supervisor.nurzholy",
      "nur-zholy",
    );
    // the key kind that holds the scope a route names: a carrier's first, as integrators mostly are
    const credentials = (op: DocOperation): Record<string, string> => {
      const required = op.security?.[0] ?? {};
      if ("officerSession" in required) return { Cookie: supervisor.cookie, "X-CSRF-Token": supervisor.csrf };
      const scope = required.apiKey?.[0];
      if (!scope) return {};
      const kind = (["carrier", "monitor", "device"] as const).find((k) =>
        (SCOPES_OF_KIND[k] as readonly string[]).includes(scope),
      );
      if (!kind) throw new Error(`no kind of key holds ${scope}`);
      return { Authorization: `Bearer ${world.keys[kind]}` };
    };
    const target = { base: `${server.url}/api`, credentials, ids: world.ids };
    const violations: string[] = [];
    for (const c of cases) violations.push(...(await runExample(doc, c, target)));
    expect(violations).toEqual([]);
    // every operation of the document took part
    const operations = new Set(cases.map((c) => c.operationId));
    expect(operations.size).toBeGreaterThanOrEqual(23);
  });
});
