import { afterAll, describe, expect, it } from "vitest";
import { METHODS, type OpenApiDocument } from "../../views/api/openapi.ts";
import { testRuntime } from "./support.ts";

const rt = testRuntime();
afterAll(() => rt.close());

describe("the API reference page /api/docs", () => {
  it("lists every route of the OpenAPI document with its parameters, bodies and responses", async () => {
    const doc = (await (await rt.app.request("/api/openapi.json")).json()) as OpenApiDocument;
    const res = await rt.app.request("/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    const routes = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) expect(html).toContain(route);
    for (const name of Object.keys(doc.components?.schemas ?? {}))
      expect(html).toContain(`id="schema-${name}"`);
    // a query parameter, a request body field and a response field
    expect(html).toContain("<code>after</code>");
    expect(html).toContain("<code>secret</code>");
    expect(html).toContain("<code>estimatedWaitMinutes</code>");
    expect(html).toContain("Shekara-Signature");
  });

  it("loads nothing from elsewhere: no CDN, no Swagger UI", async () => {
    const html = await (await rt.app.request("/api/docs")).text();
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toMatch(/swagger/i);
  });
});
