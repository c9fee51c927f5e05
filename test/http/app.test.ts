import { RegExpRouter } from "hono/router/reg-exp-router";
import { afterAll, describe, expect, it } from "vitest";
import { testRuntime } from "../api/support.ts";

const runtime = testRuntime();
afterAll(() => runtime.close());
const get = (path: string) => runtime.app.request(path);

describe("the server skeleton", () => {
  it("leads from the home page only to pages that exist", async () => {
    const home = await (await get("/?lang=en")).text();
    const links = [...home.matchAll(/href="(\/[^"]*)"/g)].map((m) =>
      (m[1] as string).replaceAll("&amp;", "&"),
    );
    // the home page speaks the visitor's language (issue 14), and keeps it in its links
    expect(links).toEqual(expect.arrayContaining(["/drive?lang=en", "/officer", "/planner"]));
    for (const link of links) {
      const res = await runtime.app.request(link, { redirect: "manual" });
      expect(res.status, link).toBeLessThan(400);
    }
  });

  it("answers /healthz with JSON", async () => {
    const res = await get("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("lists the seeded checkpoints with their configuration", async () => {
    const res = await get("/api/v1/checkpoints");
    expect(res.status).toBe(200);
    const list = (await res.json()) as { id: string; name: string; config: { dailyLimit: number } }[];
    expect(list.find((c) => c.id === "nur-zholy")).toMatchObject({
      name: "Nur Zholy (Khorgos)",
      config: { dailyLimit: 650 },
    });
  });

  it("answers an unknown checkpoint and an unknown API route with problem+json", async () => {
    for (const path of ["/api/v1/checkpoints/atlantis", "/api/v1/no-such-thing"]) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ status: 404, detail: expect.any(String) });
    }
  });

  it("the home page lists the checkpoints and the ways in", async () => {
    const res = await get("/?lang=en");
    const html = await res.text();
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("Nur Zholy (Khorgos)");
    for (const path of ["/drive?lang=en", "/officer", "/planner"]) expect(html).toContain(`href="${path}"`);
    expect(await (await get("/?lang=kk")).text()).toContain("Нұр Жолы (Қорғас)");
    // its security headers are the server's (test/http/security-headers.test.ts)
  });

  it("has only routes the fast router can match (an overlapping pattern slows every request)", () => {
    const router = new RegExpRouter<unknown>();
    for (const route of runtime.app.routes) {
      expect(() => router.add(route.method, route.path, route.handler), route.path).not.toThrow();
    }
    expect(() => router.match("GET", "/")).not.toThrow();
  });

  it("serves htmx itself: no CDN", async () => {
    const res = await get("/static/htmx.min.js");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("htmx");
    expect(await (await get("/")).text()).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});
