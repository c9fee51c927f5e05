/**
 * The OpenAPI document as a real server process serves it, checked the way integrators use it:
 * Redocly's recommended ruleset finds nothing in it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintServedDocument } from "../support/openapi-lint.ts";
import { type RunningServer, startServer } from "../support/server.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

describe("the served OpenAPI document", () => {
  it("passes redocly lint with the recommended ruleset: no errors, no warnings", async () => {
    expect(await lintServedDocument(`${server.url}/api/openapi.json`)).toEqual([]);
  });
});
