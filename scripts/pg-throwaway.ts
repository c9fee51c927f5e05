/**
 * A throw-away PostgreSQL cluster for tests, benchmarks and laptops: initdb in a temporary folder,
 * started on a free loopback port, as a non-root user (PostgreSQL refuses to run as root; as root we
 * run it as the `postgres` user that Debian's package creates). Stopped and deleted by stop().
 *
 * From a shell: `npx tsx scripts/pg-throwaway.ts` prints a connection string and keeps the cluster
 * until Ctrl-C.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ThrowawayPostgres {
  /** postgres://…@127.0.0.1:port/postgres */
  url: string;
  port: number;
  /** Connection string for another database on the same cluster (created by createDatabase). */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** Where Debian's postgresql package puts its server programs (the newest major wins). */
export function postgresBinDir(): string {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const majors = readdirSync(root)
      .filter((d) => existsSync(join(root, d, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (majors[0]) return join(root, majors[0], "bin");
  }
  throw new Error("PostgreSQL server programs not found: apt-get install postgresql");
}

async function freePort(): Promise<number> {
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

const isRoot = () => process.getuid?.() === 0;

/** Runs a server program as the cluster's owner: ourselves, or `postgres` when we are root. */
function runAsOwner(program: string, args: string[]): void {
  const [cmd, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", program, ...args]] : [program, args];
  const r = spawnSync(cmd, argv, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${program} failed: ${r.stderr || r.stdout}`);
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), "shekara-pg-"));
  chmodSync(dir, 0o777); // the postgres user must be able to write here when we are root
  const data = join(dir, "data");
  if (isRoot()) execFileSync("chown", ["postgres", dir]);
  runAsOwner(join(bin, "initdb"), ["-D", data, "-U", "shekara", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const port = await freePort();
  runAsOwner(join(bin, "pg_ctl"), [
    "-D",
    data,
    "-l",
    join(dir, "log"),
    "-w",
    "-o",
    // Loopback only; the socket goes in our folder, not /var/run; fsync off: a test cluster is thrown away.
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c max_connections=200`,
    "start",
  ]);
  const urlFor = (database: string) => `postgres://shekara@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    url: urlFor("postgres"),
    port,
    urlFor,
    async createDatabase(name) {
      runAsOwner(join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "shekara", name]);
      return urlFor(name);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        runAsOwner(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pg = await startThrowawayPostgres();
  console.log(pg.url);
  const stop = () => pg.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  setInterval(() => {}, 1 << 30);
}
