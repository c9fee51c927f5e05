/**
 * A body too large is refused, whether its length is declared (checked before reading) or it
 * comes in chunks (counted as it is read); read off a real server, where both arrive as Node sends them.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testRuntime } from "../api/support.ts";
import { type RunningServer, startServer } from "../support/server.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { SEED_DEMO_TRAFFIC: "off" } });
});
afterAll(() => server.stop());

/** A POST through Node's client: with a Content-Length, or chunked without one. */
function post(path: string, body: string, chunked: boolean): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}${path}`,
      {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          ...(chunked ? { "Transfer-Encoding": "chunked" } : { "Content-Length": Buffer.byteLength(body) }),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    // chunked: in pieces, as a client streaming its body would send it
    if (chunked) for (let i = 0; i < body.length; i += 8192) req.write(body.slice(i, i + 8192));
    else req.write(body);
    req.end();
  });
}

describe("the body limit", () => {
  const huge = JSON.stringify({ checkpointId: "nur-zholy", padding: "x".repeat(100_000) });

  it("refuses a declared length over 64 kB, and a chunked body once it passes 64 kB", async () => {
    for (const chunked of [false, true]) {
      const res = await post("/api/v1/crossings", huge, chunked);
      expect(res.status, `chunked: ${chunked}`).toBe(413);
      expect(res.text).toContain("64 KB");
    }
  });

  it("lets a small body through either way, to be judged on what it says", async () => {
    for (const chunked of [false, true]) {
      const res = await post("/api/v1/crossings", JSON.stringify({ checkpointId: "nur-zholy" }), chunked);
      expect(res.status, `chunked: ${chunked}`).toBe(422);
    }
  });
});

/** Sends the headers of a huge body and nothing more: an answer can only come from the length. */
function declareHuge(path: string, contentType: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, {
      method: "POST",
      headers: { "Content-Type": contentType, "Content-Length": String(100 * 1024 * 1024) },
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    // a server that waits for the 100 MB never answers: 0 after a generous while
    req.setTimeout(20_000, () => {
      resolve(0);
      req.destroy();
    });
    req.on("error", (e) => (e.message.includes("socket hang up") ? undefined : reject(e)));
    req.flushHeaders();
  });
}

describe("every route that reads a body", () => {
  it("answers 413 to a declared 100 MB body before reading a byte of it, signed in or not", async () => {
    // the routes are read off an in-process app built as the server builds its own
    const rt = testRuntime();
    const writes = [
      ...new Set(
        rt.app.routes
          .filter((r) => ["POST", "PUT", "PATCH", "DELETE"].includes(r.method))
          .map((r) => r.path.replace(/:\w+(\{[^}]*\})?/g, "x")),
      ),
    ].filter((p) => !p.startsWith("/planner"));
    await rt.close();
    expect(writes).toContain("/sign-in");
    expect(writes).toContain("/sign-out");
    const answers: string[] = [];
    for (const path of writes) {
      const type = path.startsWith("/api/") ? "application/json" : "application/x-www-form-urlencoded";
      answers.push(`${path} ${await declareHuge(path, type)}`);
    }
    expect(answers).toEqual(writes.map((p) => `${p} 413`));
  }, 60_000);
});
