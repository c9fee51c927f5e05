/**
 * HTTP benchmark: a real Shekara server process and a bare Hono "hello" server (the baseline, in the
 * same run), each loaded by autocannon from this process at 100 connections over loopback.
 * Prints requests per second, p50 and p99 latency, and the ratio to the baseline.
 *   npm run bench:http [-- --seconds 10 --connections 100]
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { DEMO_PASSWORD, freePort, startServer } from "../test/support/server.ts";
import { bookableSlots, declaredTrucks, officerCookie } from "./http-fixtures.ts";

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "10" }, connections: { type: "string", default: "100" } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);

interface Target {
  name: string;
  url: string;
  goal: number;
  headers?: Record<string, string>;
  /** a POST per request, each built afresh (a write cannot be repeated) */
  post?: () => { path: string; body: string };
}
interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(target: Target): Promise<Row> {
  // a short warm-up so the JIT and the caches are in their steady state
  const options = {
    url: target.url,
    connections,
    headers: target.headers,
    ...(target.post
      ? {
          requests: [
            {
              method: "POST" as const,
              headers: { "Content-Type": "application/json" },
              setupRequest: (req: autocannon.Request) => ({ ...req, ...target.post?.() }),
            },
          ],
        }
      : {}),
  };
  await autocannon({ ...options, duration: 2 });
  const r = await autocannon({ ...options, duration: seconds });
  return {
    name: target.name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

async function startHello() {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/hello-server.ts"], {
    cwd: new URL("..", import.meta.url).pathname,
    env: { ...process.env, PORT: String(port) },
    stdio: "inherit",
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, stop: () => child.kill("SIGTERM") };
}

/** Only the routes this build has: a route not built yet is reported, not measured. */
async function available(target: Target): Promise<boolean> {
  if (target.post) return true;
  const res = await fetch(target.url, { headers: target.headers });
  await res.arrayBuffer();
  if (!res.ok) console.log(`skipped: ${target.name} (${target.url} answered ${res.status})`);
  return res.ok;
}

const hello = await startHello();
const server = await startServer({ env: { SEED_DEMO_TRAFFIC: "on" } });
try {
  // each booking POST books a different declared truck into one of the week's slots; declared
  // first, since the 10 s this takes would outlive the keep-alive of a connection opened before
  const trucks = declaredTrucks(server.dbPath, "korday", 60_000);
  const db = new Database(server.dbPath, { readonly: true });
  const queued = db
    .prepare("SELECT id FROM crossings WHERE state = 'waitingArea' AND checkpoint_id = 'nur-zholy' LIMIT 1")
    .get() as { id: string } | undefined;
  db.close();
  const targets: Target[] = [
    { name: "wait times, all checkpoints", url: `${server.url}/api/v1/wait-times`, goal: 0.5 },
    {
      name: "wait times, one checkpoint",
      url: `${server.url}/api/v1/checkpoints/nur-zholy/wait-times`,
      goal: 0.5,
    },
    { name: "home page", url: `${server.url}/`, goal: 0.5 },
    ...(queued ? [{ name: "driver's crossing page", url: `${server.url}/c/${queued.id}`, goal: 0.5 }] : []),
    {
      name: "officer's dashboard fragment",
      url: `${server.url}/officer/nur-zholy/board`,
      headers: { Cookie: await officerCookie(server.url, "officer.nurzholy", DEMO_PASSWORD) },
      goal: 0.5,
    },
  ];
  const slots = await bookableSlots(server.url, "korday");
  let next = 0;
  targets.push({
    name: "booking POST",
    url: server.url,
    goal: 0.2,
    post: () => {
      const i = next++;
      return {
        path: `/api/v1/crossings/${trucks[i % trucks.length]}/booking`,
        body: JSON.stringify({ slotStart: slots[i % slots.length] }),
      };
    },
  });
  const baseline = await load({ name: "baseline: bare Hono hello", url: hello.url, goal: 1 });
  const rows = [baseline];
  for (const target of targets) if (await available(target)) rows.push(await load(target));

  console.log(`\n${connections} connections, ${seconds} s each, Node ${process.version}\n`);
  console.log("| route | req/s | p50 ms | p99 ms | vs baseline | errors |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const row of rows) {
    const ratio = row.rps / baseline.rps;
    console.log(
      `| ${row.name} | ${Math.round(row.rps)} | ${row.p50} | ${row.p99} | ${(ratio * 100).toFixed(0)}% | ${row.errors + row.non2xx} |`,
    );
  }
} finally {
  hello.stop();
  await server.stop();
}
