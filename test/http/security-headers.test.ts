/** The security headers the server puts on every answer, read off a real server process. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_HEADERS, PAGE_HEADERS } from "../../src/http/security-headers.ts";
import { type RunningServer, startServer } from "../support/server.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { SEED_DEMO_TRAFFIC: "off" } });
});
afterAll(() => server.stop());

const lower = (headers: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

describe("security headers", () => {
  it("pages carry the full set, a content security policy that loads nothing from elsewhere", async () => {
    for (const path of ["/", "/drive", "/sign-in", "/board/nur-zholy", "/no-such-page"]) {
      const res = await fetch(server.url + path, { redirect: "manual" });
      await res.arrayBuffer();
      expect(Object.fromEntries(res.headers), path).toMatchObject(lower(PAGE_HEADERS));
    }
    const csp = PAGE_HEADERS["Content-Security-Policy"] ?? "";
    for (const directive of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"])
      expect(csp).toContain(directive);
  });

  it("the JSON API carries the short set, and what a route sets itself wins", async () => {
    for (const path of ["/api/v1/wait-times", "/api/v1/checkpoints", "/api/v1/no-such-thing"]) {
      const res = await fetch(server.url + path);
      await res.arrayBuffer();
      expect(Object.fromEntries(res.headers), path).toMatchObject(lower(API_HEADERS));
      expect(res.headers.get("x-xss-protection"), path).toBeNull();
    }
    const feed = await fetch(`${server.url}/api/v1/wait-times`);
    expect(feed.headers.get("cache-control")).toBe("public, max-age=5");
    expect(feed.headers.get("content-type")).toBe("application/json");
  });

  it("a gzipped page still says it varies by encoding, once", async () => {
    const res = await fetch(`${server.url}/drive`, { headers: { "Accept-Encoding": "gzip" } });
    await res.arrayBuffer();
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
  });
});
