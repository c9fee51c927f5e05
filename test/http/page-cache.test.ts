import { gunzipSync } from "node:zlib";
import { Context } from "hono";
import { html } from "hono/html";
import { afterAll, describe, expect, it } from "vitest";
import { pageCache } from "../../src/http/page-cache.ts";
import { openDatabase } from "../../src/store/db.ts";
import { testRuntime } from "../api/support.ts";

/** A real Hono context, as a route hands one to the cache. */
const ctx = () => new Context(new Request("http://localhost/"));

describe("rendered pages kept until a write or the next minute", () => {
  it("renders again after any write and when the minute turns, never before", async () => {
    const db = openDatabase(":memory:");
    db.exec("CREATE TABLE t (x INTEGER)");
    let now = Date.UTC(2026, 10, 25, 9, 0, 10);
    const pages = pageCache(db, () => now);
    let renders = 0;
    const page = async () =>
      (
        await pages(ctx(), "k", () => {
          renders++;
          const n = Number(db.prepare("SELECT count(*) FROM t").pluck().get());
          return html`<p>${n} at ${now}</p>`;
        })
      )?.text();

    const first = await page();
    expect(await page()).toBe(first);
    now += 40_000; // same minute
    expect(await page()).toBe(first);
    expect(renders).toBe(1);

    db.prepare("INSERT INTO t VALUES (1)").run();
    expect(await page()).toContain("<p>1 at");
    now += 20_000; // the next minute
    expect(await page()).toContain(`at ${now}`);
    expect(renders).toBe(3);
    db.close();
  });

  it("keeps 'no such page' too, and tells it apart", async () => {
    const db = openDatabase(":memory:");
    const pages = pageCache(db, () => 0);
    let renders = 0;
    const missing = () =>
      pages(ctx(), "nothing", () => {
        renders++;
        return null;
      });
    expect([await missing(), await missing()]).toEqual([null, null]);
    expect(renders).toBe(1);
    db.close();
  });
});

describe("compression of pages", () => {
  const runtime = testRuntime();
  afterAll(() => runtime.close());

  it("gzips a page for a client that takes gzip and sends it plain to one that does not", async () => {
    // a page rendered afresh and a kept one (asked for twice each way: keeping must not spend it)
    for (const path of ["/drive", "/", "/", "/drive"]) {
      const gz = await runtime.app.request(path, { headers: { "Accept-Encoding": "gzip" } });
      expect(gz.headers.get("content-encoding")).toBe("gzip");
      const fromGzip = gunzipSync(Buffer.from(await gz.arrayBuffer())).toString();
      expect(fromGzip).toContain("</html>");

      const plain = await runtime.app.request(path);
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect(plain.headers.get("content-type")).toBe("text/html; charset=UTF-8");
      expect(await plain.text()).toBe(fromGzip);
    }
  });

  it("reads the weight a client gives gzip: q=0 refuses it, any other weight takes it", async () => {
    const cases: [string, string | null][] = [
      ["gzip;q=0, identity", null],
      ["gzip; q=0.000", null],
      ["gzip;q=0.5", "gzip"],
      ["deflate, gzip;q=1.0", "gzip"],
      ["br", null],
    ];
    for (const [accept, encoding] of cases) {
      const res = await runtime.app.request("/", { headers: { "Accept-Encoding": accept } });
      expect(res.headers.get("content-encoding"), accept).toBe(encoding);
      await res.arrayBuffer();
    }
  });

  it("leaves the JSON API uncompressed", async () => {
    const res = await runtime.app.request("/api/v1/wait-times", { headers: { "Accept-Encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(Array.isArray(await res.json())).toBe(true);
  });
});
