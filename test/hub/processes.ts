/** The hub as a real process (npm run hub), and its add-post command, for tests with real posts. */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { startThrowawayPostgres } from "../../scripts/pg-throwaway.ts";
import { freePort, startServer } from "../support/server.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

export interface HubProcess {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function startHubProcess(databaseUrl: string, port?: number): Promise<HubProcess> {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, ["--import", "tsx", "src/hub/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, HUB_DATABASE_URL: databaseUrl, PORT: String(p), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hub exited early:\n${out}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`hub did not start in 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port: p,
    process: child,
    output: () => out,
    async kill() {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A hub process on its own throw-away PostgreSQL cluster; `stop` ends both. */
export async function startHubOnThrowaway(): Promise<{
  dbUrl: string;
  hub: HubProcess;
  stop(): Promise<void>;
}> {
  const cluster = await startThrowawayPostgres();
  try {
    const dbUrl = await cluster.createDatabase("hub");
    const hub = await startHubProcess(dbUrl);
    return {
      dbUrl,
      hub,
      async stop() {
        await hub.stop();
        await cluster.stop();
      },
    };
  } catch (e) {
    await cluster.stop();
    throw e;
  }
}

/** `npm run hub -- add-post <name>` (or `rotate-key`): the key is the last line of its output. */
export function addPost(databaseUrl: string, name: string, command = "add-post"): string {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/hub/main.ts", command, name], {
    cwd: ROOT,
    env: { ...process.env, HUB_DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr}${r.stdout}`);
  return r.stdout.trim().split("\n").at(-1) ?? "";
}

/** A post's event log as the hub should hold it, read from its SQLite file. */
export function postLog(dbPath: string) {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return {
      epoch: db.prepare("SELECT epoch FROM post_epoch").pluck().get() as string,
      seqs: db.prepare("SELECT seq FROM crossing_events ORDER BY seq").pluck().all() as number[],
    };
  } finally {
    db.close();
  }
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  ms = 90_000,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A real post process pushing its log to `hubUrl` every 100 ms with a heartbeat every 300 ms (what
 * the hub tests wait on); `env` adds to or overrides that, `dbPath` starts it on a prepared database.
 */
export function startPost(
  hubUrl: string,
  key: string,
  checkpoints: string,
  opts: { env?: Record<string, string>; dbPath?: string } = {},
) {
  return startServer({
    ...(opts.dbPath ? { dbPath: opts.dbPath } : {}),
    env: {
      HUB_URL: hubUrl,
      HUB_POST_KEY: key,
      CHECKPOINTS: checkpoints,
      HUB_PUSH_MS: "100",
      HUB_HEARTBEAT_MS: "300",
      ...opts.env,
    },
    startTimeoutMs: 120_000,
  });
}
