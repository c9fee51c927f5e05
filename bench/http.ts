/**
 * HTTP benchmark: a real Shekara server process and a bare Hono "hello" server (the baseline, in the
 * same run), each loaded by autocannon from this process at 100 connections over loopback.
 * Prints requests per second, p50 and p99 latency, and the ratio to the baseline: the median of
 * several rounds, each measuring every route once (baseline included), since this machine is
 * shared and one run can differ from the next by a quarter. Each route starts on an idle server.
 *   npm run bench:http [-- --seconds 5 --connections 100 --rounds 3 --only gate]
 * (--only: the routes whose name holds these words, with the baseline; for working on one route)
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { DEMO_PASSWORD, freePort, startServer } from "../test/support/server.ts";
import {
  bookableSlots,
  bookingPosts,
  declaredTrucks,
  gateReads,
  gateTrucks,
  officerCookie,
} from "./http-fixtures.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    connections: { type: "string", default: "100" },
    rounds: { type: "string", default: "3" },
    only: { type: "string" },
  },
});
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const wanted = (name: string) => !values.only || name.toLowerCase().includes(values.only.toLowerCase());

interface Target {
  name: string;
  url: string;
  goal: number;
  headers?: Record<string, string>;
  /** a POST per request, each built afresh (a write cannot be repeated) */
  post?: () => { path: string; body: string; headers?: Record<string, string> };
  /** the process serving it, whose CPU is read */
  pid?: number;
}
interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** the server process's CPU while loaded, in % of one core (null where /proc is missing) */
  serverCpu: number | null;
}

/** CPU seconds a process has used so far (Linux /proc), or null elsewhere. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks
  } catch {
    return null;
  }
}

/**
 * Waits until the server is idle: what the route before left to do (the log of its writes copied
 * into the database file once they pause, webhooks delivered) is not measured as this route's time.
 * Idle: under 5% of a core for 300 ms; at most 15 s.
 */
async function settle(pid: number | undefined) {
  const deadline = performance.now() + 15_000;
  for (;;) {
    const before = cpuSeconds(pid);
    await new Promise((r) => setTimeout(r, 300));
    const after = cpuSeconds(pid);
    if (before === null || after === null || after - before < 0.015) return;
    if (performance.now() > deadline) return;
  }
}

async function load(target: Target): Promise<Row> {
  await settle(target.pid);
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
  const cpuBefore = cpuSeconds(target.pid);
  const startedAt = performance.now();
  const r = await autocannon({ ...options, duration: seconds });
  const cpuAfter = cpuSeconds(target.pid);
  const serverCpu =
    cpuBefore === null || cpuAfter === null
      ? null
      : ((cpuAfter - cpuBefore) / ((performance.now() - startedAt) / 1000)) * 100;
  return {
    name: target.name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    serverCpu,
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
  return { url, pid: child.pid, stop: () => child.kill("SIGTERM") };
}

/** Only the routes this build has: a route not built yet is reported, not measured. */
async function available(target: Target): Promise<boolean> {
  if (target.post) return true;
  const res = await fetch(target.url, { headers: target.headers });
  await res.arrayBuffer();
  if (!res.ok) console.log(`skipped: ${target.name} (${target.url} answered ${res.status})`);
  return res.ok;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function sequentially<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await run(item));
  return out;
}

const hello = await startHello();
const server = await startServer({ env: { SEED_DEMO_TRAFFIC: "on" } });
try {
  // each booking POST books a different declared truck into one of the week's slots (a truck
  // booked twice would be a quick 409, not a booking: the errors column would show it); declared
  // first, since the time this takes would outlive the keep-alive of a connection opened before
  const perRound = 5_000 * (seconds + 2); // room for 5,000 bookings a second, warm-up included
  const trucks = wanted("booking POST") ? declaredTrucks(server.dbPath, "korday", perRound * rounds) : [];
  // issue 22: a fresh driverless truck per gate read (a read of a released truck would be a 404, which
  // the errors column counts): room for 6,000 reads a second, warm-up included
  const gate = wanted("Smart Customs gate read POST")
    ? gateTrucks(server.dbPath, 6_000 * (seconds + 2) * rounds)
    : { secrets: [], plates: [] };
  const db = new Database(server.dbPath, { readonly: true });
  const queued = db
    .prepare("SELECT id FROM crossings WHERE state = 'waitingArea' AND checkpoint_id = 'nur-zholy' LIMIT 1")
    .get() as { id: string } | undefined;
  db.close();
  const officer = await officerCookie(server.url, "officer.nurzholy", DEMO_PASSWORD);
  const targets: Target[] = [
    { name: "wait times, all checkpoints", url: `${server.url}/api/v1/wait-times`, goal: 0.5 },
    {
      name: "wait times, one checkpoint",
      url: `${server.url}/api/v1/checkpoints/nur-zholy/wait-times`,
      goal: 0.5,
    },
    { name: "home page", url: `${server.url}/`, goal: 0.5 },
    ...(queued
      ? [
          { name: "driver's crossing page", url: `${server.url}/c/${queued.id}`, goal: 0.5 },
          // as a phone asks for it: every browser takes gzip
          {
            name: "driver's crossing page, gzip",
            url: `${server.url}/c/${queued.id}`,
            headers: { "Accept-Encoding": "gzip" },
            goal: 0.5,
          },
        ]
      : []),
    {
      name: "officer's dashboard fragment",
      url: `${server.url}/officer/nur-zholy/board`,
      headers: { Cookie: officer },
      goal: 0.5,
    },
    {
      name: "officer's dashboard fragment, gzip",
      url: `${server.url}/officer/nur-zholy/board`,
      headers: { "Accept-Encoding": "gzip", Cookie: officer },
      goal: 0.5,
    },
  ];
  const slots = await bookableSlots(server.url, "korday");
  targets.push({
    name: "booking POST",
    url: server.url,
    goal: 0.2,
    post: bookingPosts(trucks, slots),
  });
  // the Smart Customs gate: one request checks a truck in and releases it (goal: p99 under 50 ms)
  targets.push({
    name: "Smart Customs gate read POST",
    url: server.url,
    goal: 0.2,
    post: gateReads(gate.secrets, gate.plates),
  });
  const measured = [];
  for (const target of targets.filter((t) => wanted(t.name)))
    if (await available(target)) measured.push({ ...target, pid: server.process.pid });
  const helloTarget = { name: "baseline: bare Hono hello", url: hello.url, goal: 1, pid: hello.pid };
  const results = new Map<string, { row: Row; ratio: number; goal: number }[]>();
  for (let round = 0; round < rounds; round++) {
    const baseline = await load(helloTarget);
    const rows = [baseline, ...(await sequentially(measured, load))];
    for (const [i, row] of rows.entries()) {
      const list = results.get(row.name) ?? [];
      list.push({ row, ratio: row.rps / baseline.rps, goal: [helloTarget, ...measured][i]?.goal ?? 1 });
      results.set(row.name, list);
    }
  }

  console.log(
    `\n${connections} connections, ${seconds} s each, median of ${rounds} rounds, Node ${process.version}\n`,
  );
  // a server below ~95% of a core was waiting for the load generator, which shares the machine
  console.log("| route | req/s | p50 ms | p99 ms | vs baseline | goal | server CPU | errors |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const [name, list] of results) {
    const errors = list.reduce((n, { row }) => n + row.errors + row.non2xx, 0);
    const cpus = list.flatMap(({ row }) => (row.serverCpu === null ? [] : [row.serverCpu]));
    const cpu = cpus.length ? `${median(cpus).toFixed(0)}%` : "n/a";
    const goal = list[0]?.goal === 1 ? "" : `${((list[0]?.goal ?? 0) * 100).toFixed(0)}%`;
    console.log(
      `| ${name} | ${Math.round(median(list.map((r) => r.row.rps)))} | ${median(list.map((r) => r.row.p50))} | ${median(list.map((r) => r.row.p99))} | ${(median(list.map((r) => r.ratio)) * 100).toFixed(0)}% | ${goal} | ${cpu} | ${errors} |`,
    );
  }
} finally {
  hello.stop();
  await server.stop();
}
