/**
 * `npm run sim-worker [-- --threads N]`, with SWEEP_DATABASE_URL: takes sweeps' replications from
 * the PostgreSQL job queue, one per fetch, runs them on its threads and stores each result once.
 * Start as many as there are machines; stop with Ctrl-C (the replications in hand finish first).
 */
import { parseArgs } from "node:util";
import { startSimWorker } from "../sweep-queue/worker.ts";
import { threadPool } from "./sweep-pool.ts";

function fail(message: string): never {
  process.stderr.write(`sim-worker: ${message}\n`);
  process.exit(2);
}

let values: { threads?: string; quiet?: boolean } = {};
try {
  values = parseArgs({ options: { threads: { type: "string" }, quiet: { type: "boolean" } } }).values;
} catch (error) {
  fail((error as Error).message);
}
const threads = values.threads === undefined ? undefined : Number(values.threads);
if (threads !== undefined && (!Number.isInteger(threads) || threads < 1))
  fail(`--threads: expected a positive integer, got "${values.threads}"`);
const quiet = values.quiet === true;
const url = process.env.SWEEP_DATABASE_URL;
if (!url) fail("SWEEP_DATABASE_URL is not set: a worker takes its jobs from that PostgreSQL");

const pool = threadPool(threads);
const worker = await startSimWorker(url, pool, {
  log: (line) => {
    if (!quiet) console.log(line);
  },
});
console.log(`sim-worker ${worker.name}: ${pool.size} thread(s), waiting for sweeps' replications`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  await pool.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
