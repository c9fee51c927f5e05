/**
 * The drivers' page weight (issue 3): the first load of /drive, HTML with every stylesheet and
 * script it links, counted as transferred with compression, against the 30 KB budget; and the
 * crossing page's polled fragment. A real server on loopback; run with `npm run bench:weight`.
 */
import { request } from "node:http";
import Database from "better-sqlite3";
import { startServer } from "../test/support/server.ts";

const BUDGET = 30 * 1024;

/** Bytes on the wire (compressed as the server chose) and the body as text. */
function get(url: string): Promise<{ wire: number; encoding: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: { "Accept-Encoding": "br, gzip", "Accept-Language": "ru" } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            wire: chunks.reduce((n, c) => n + c.length, 0),
            encoding: res.headers["content-encoding"] ?? "none",
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

async function plain(url: string): Promise<string> {
  return (await fetch(url)).text();
}

const server = await startServer({ env: { SEED_DEMO_TRAFFIC: "on" } });
try {
  const html = await plain(`${server.url}/drive`);
  const linked = [...html.matchAll(/<(?:link[^>]+href|script[^>]+src)="(\/[^"]+)"/g)].map(
    (m) => m[1] as string,
  );
  const rows: [string, number, string][] = [];
  for (const path of ["/drive", ...new Set(linked)]) {
    const r = await get(server.url + path);
    rows.push([path, r.wire, r.encoding]);
  }
  const total = rows.reduce((n, r) => n + r[1], 0);
  console.log("| first load of /drive | bytes on the wire | encoding |");
  console.log("| --- | ---: | --- |");
  for (const [path, bytes, encoding] of rows) console.log(`| ${path} | ${bytes} | ${encoding} |`);
  console.log(
    `| **total** | **${total}** (${(total / 1024).toFixed(1)} KB of a ${BUDGET / 1024} KB budget: ${total <= BUDGET ? "within" : "OVER"}) | |`,
  );

  const db = new Database(server.dbPath, { readonly: true });
  const queued = db.prepare("SELECT id FROM crossings WHERE state = 'waitingArea' LIMIT 1").pluck().get() as
    | string
    | undefined;
  db.close();
  if (queued) {
    const live = await get(`${server.url}/c/${queued}/live?lang=ru`);
    const page = await get(`${server.url}/c/${queued}?lang=ru`);
    console.log(
      `\ncrossing page ${page.wire} bytes; its polled fragment ${live.wire} bytes (${live.encoding})`,
    );
  }
} finally {
  await server.stop();
}
