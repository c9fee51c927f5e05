/**
 * A body too large is refused, whether its length is declared (checked before reading) or it
 * comes in chunks (counted as it is read); read off a real server, where both arrive as Node sends them.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
