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

/** Every stylesheet, script and manifest a page links, by its path. */
const linkedFrom = (html: string) =>
  [...html.matchAll(/<(?:link[^>]+href|script[^>]+src)="(\/[^"]+)"/g)].map((m) => m[1] as string);

/** A first load's rows (path, bytes on the wire, encoding) and their total, printed against the budget. */
async function firstLoad(base: string, title: string, paths: string[]) {
  const rows: [string, number, string][] = [];
  for (const path of new Set(paths)) {
    const r = await get(base + path);
    rows.push([path, r.wire, r.encoding]);
  }
  const total = rows.reduce((n, r) => n + r[1], 0);
  console.log(`\n| ${title} | bytes on the wire | encoding |`);
  console.log("| --- | ---: | --- |");
  for (const [path, bytes, encoding] of rows) console.log(`| ${path} | ${bytes} | ${encoding} |`);
  console.log(
    `| **total** | **${total}** (${(total / 1024).toFixed(1)} KB of a ${BUDGET / 1024} KB budget: ${total <= BUDGET ? "within" : "OVER"}) | |`,
  );
}

const server = await startServer({ env: { SEED_DEMO_TRAFFIC: "on" } });
try {
  const html = await plain(`${server.url}/drive`);
  await firstLoad(server.url, "first load of /drive", ["/drive", ...linkedFrom(html)]);

  const db = new Database(server.dbPath, { readonly: true });
  const queued = db.prepare("SELECT id FROM crossings WHERE state = 'waitingArea' LIMIT 1").pluck().get() as
    | string
    | undefined;
  db.close();
  if (queued) {
    // The crossing page's first load, its service worker, manifest and the manifest's icons counted
    // (issue 21): the phone fetches all of them on the first visit to make the page work offline.
    const page = `/c/${queued}?lang=ru`;
    const linked = linkedFrom(await plain(server.url + page));
    const manifest = linked.find((p) => p.includes("manifest"));
    const icons = manifest
      ? ((await (await fetch(server.url + manifest)).json()) as { icons: { src: string }[] }).icons.map(
          (i) => i.src,
        )
      : [];
    await firstLoad(server.url, "first load of a crossing page", [page, ...linked, "/sw.js", ...icons]);
    const live = await get(`${server.url}/c/${queued}/live?lang=ru`);
    console.log(`\nits polled fragment ${live.wire} bytes (${live.encoding})`);
  }
} finally {
  await server.stop();
}
