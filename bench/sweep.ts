/**
 * `npm run bench:sweep`: a 20-combination, 20-replication sweep of a simulated week of the Nur
 * Zholy baseline (400 jobs) through a throw-away PostgreSQL, on one `sim-worker` process and then
 * on two (one simulation thread each), timed from the first job queued to the report; the two
 * reports are checked to be the same bytes apart from wallSeconds. A benchmark, not a test.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { startThrowawayPostgres } from "../scripts/pg-throwaway.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const run = promisify(execFile);
const ARGS = [
  ...["--scenario", "seed/scenarios/nur-zholy-baseline.json", "--hours", "168", "--replications", "20"],
  ...["--vary", "resources.documentLanes=8..12", "--vary", "resources.scanners=1..4", "--json", "-"],
];

function worker(url: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/sim-worker.ts", "--threads", "1", "--quiet"],
    {
      cwd: ROOT,
      env: { ...process.env, SWEEP_DATABASE_URL: url },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  // ready once it says it waits, so start-up is not counted in the sweep's time
  return new Promise((resolve) => child.stdout?.once("data", () => resolve(child)));
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

async function sweepOn(url: string, workers: number): Promise<{ seconds: number; report: string }> {
  const children = await Promise.all(Array.from({ length: workers }, () => worker(url)));
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "src/cli/sweep.ts", ...ARGS], {
      cwd: ROOT,
      env: { ...process.env, SWEEP_DATABASE_URL: url },
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = (JSON.parse(stdout) as { wallSeconds: number }).wallSeconds;
    return { seconds, report: stdout.replace(/"wallSeconds": [\d.]+/, "") };
  } finally {
    await Promise.all(children.map(stop));
  }
}

const cluster = await startThrowawayPostgres();
try {
  const url = await cluster.createDatabase("bench");
  const one = await sweepOn(url, 1);
  console.log(`one worker process:  ${one.seconds.toFixed(1)} s for 400 replications`);
  const two = await sweepOn(url, 2);
  console.log(`two worker processes: ${two.seconds.toFixed(1)} s for 400 replications`);
  console.log(`ratio (one / two): ${(one.seconds / two.seconds).toFixed(2)}`);
  console.log(`reports identical apart from wallSeconds: ${one.report === two.report ? "yes" : "NO"}`);
} finally {
  await cluster.stop();
}
