/**
 * Where a route's time goes: runs a real server under `--cpu-prof`, loads one route with autocannon,
 * and prints the functions with the most self time (the profile stays in the directory it names).
 *   npm run bench:profile -- /api/v1/wait-times [--seconds 5] [--officer] [--booking] [--gate] [--gzip]
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { DEMO_PASSWORD, startServer } from "../test/support/server.ts";
import {
  bookableSlots,
  bookingPosts,
  declaredTrucks,
  gateReads,
  gateTrucks,
  officerCookie,
} from "./http-fixtures.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: "string", default: "5" },
    officer: { type: "boolean", default: false },
    booking: { type: "boolean", default: false },
    gate: { type: "boolean", default: false },
    gzip: { type: "boolean", default: false },
    top: { type: "string", default: "30" },
  },
});
const dir = mkdtempSync(join(tmpdir(), "shekara-profile-"));
const server = await startServer({
  env: { SEED_DEMO_TRAFFIC: "on" },
  nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
});
try {
  let path = positionals[0] ?? "/api/v1/wait-times";
  if (path === "crossing") {
    const db = new Database(server.dbPath, { readonly: true });
    const row = db.prepare("SELECT id FROM crossings WHERE state = 'waitingArea' LIMIT 1").get() as {
      id: string;
    };
    db.close();
    path = `/c/${row.id}`;
  }
  const headers: Record<string, string> = {};
  if (values.gzip) headers["Accept-Encoding"] = "gzip";
  if (values.officer) headers.Cookie = await officerCookie(server.url, "officer.nurzholy", DEMO_PASSWORD);
  let requests: autocannon.Request[] | undefined;
  let post: (() => { path: string; body: string }) | undefined;
  if (values.booking) {
    const trucks = declaredTrucks(server.dbPath, "korday", 30_000);
    const slots = await bookableSlots(server.url, "korday");
    post = bookingPosts(trucks, slots);
  }
  if (values.gate) {
    // a fresh driverless truck per read, room for 6,000 reads a second
    const gate = gateTrucks(server.dbPath, 6_000 * Number(values.seconds));
    post = gateReads(gate.secrets, gate.plates);
    path = "/api/v1/gate/reads";
  }
  if (post) {
    const next = post;
    requests = [
      {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        setupRequest: (req) => ({ ...req, ...next() }),
      },
    ];
  }
  const r = await autocannon({
    url: `${server.url}${path}`,
    connections: 100,
    duration: Number(values.seconds),
    headers,
    requests,
  });
  console.log(
    `${path}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}`,
  );
} finally {
  await server.stop();
}

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
}
const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
if (!file) throw new Error(`no profile in ${dir}`);
const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as { nodes: Node[] };
const self = new Map<string, number>();
let total = 0;
for (const n of profile.nodes) {
  const short = n.callFrame.url.replace(/^.*node_modules\//, "").replace(/^.*\/work\/main\//, "");
  const key = `${n.callFrame.functionName || "(anonymous)"} ${short}:${n.callFrame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + n.hitCount);
  total += n.hitCount;
}
for (const [key, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
  console.log(`${((hits / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
console.log(`profile: ${join(dir, file)}`);
