import { afterAll, describe, expect, it } from "vitest";
import { exchangesOf, METHODS, type OpenApiDocument, operationsOf } from "../../views/api/openapi.ts";
import { testRuntime } from "./support.ts";

const rt = testRuntime();
/** as Hono's JSX escapes text */
const asHtml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
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

  it("shows every operation's examples: its operationId, each request as sent and each answer", async () => {
    const doc = (await (await rt.app.request("/api/openapi.json")).json()) as OpenApiDocument;
    const html = await (await rt.app.request("/api/docs")).text();
    const ops = operationsOf(doc);
    for (const { op } of ops) {
      expect(html).toContain(`operationId <code>${op.operationId}</code>`);
      for (const e of exchangesOf(op)) {
        expect(html, `${op.operationId}.${e.name}`).toContain(
          `<code>${e.name}</code>: ${asHtml(e.summary ?? "")}`,
        );
        if (e.answer) expect(html).toContain(asHtml(JSON.stringify(e.answer.value, null, 2)));
      }
    }
    // a request line with its path parameter in place, and a request body as sent
    expect(html).toContain("GET /api/v1/checkpoints/nur-zholy");
    expect(html).toContain("POST /api/v1/crossings\nContent-Type: application/json");
    expect(html).toContain(asHtml('"firstAvailable": true'));
  });

  it("loads nothing from elsewhere: no CDN, no Swagger UI", async () => {
    const html = await (await rt.app.request("/api/docs")).text();
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toMatch(/swagger/i);
  });
});
