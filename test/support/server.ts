/**
 * A real Shekara server process on loopback with its own temporary database, for tests that
 * need the whole system: browser tests, concurrency, crashes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const DEMO_PASSWORD = "test-password-1";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  dbPath: string;
  process: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for the exit */
  stop(): Promise<void>;
  /** SIGKILL: the power cut */
  kill(): Promise<void>;
}

export async function startServer(
  opts: {
    dbPath?: string;
    env?: Record<string, string>;
    port?: number;
    nodeArgs?: string[];
    /** how long to wait for /healthz (tests that start several processes on a loaded machine give more) */
    startTimeoutMs?: number;
  } = {},
): Promise<RunningServer> {
  const port = opts.port ?? (await freePort());
  const dbPath = opts.dbPath ?? join(mkdtempSync(join(tmpdir(), "shekara-")), "test.db");
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", "src/main.ts"], {
    cwd: new URL("../..", import.meta.url).pathname,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: dbPath,
      SHEKARA_DEMO_PASSWORD: DEMO_PASSWORD,
      RATE_LIMIT_PER_MINUTE: "0",
      DEMO_TRAFFIC: "off",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const startTimeoutMs = opts.startTimeoutMs ?? 30_000;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start in ${startTimeoutMs / 1000} s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    dbPath,
    process: child,
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
