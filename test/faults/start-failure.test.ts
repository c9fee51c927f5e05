/**
 * A server started on a database it cannot open (issue 13, finding 9) says in one line what is
 * wrong and what to do, and exits non-zero: real processes, real paths.
 */
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function start(databasePath: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: new URL("../..", import.meta.url).pathname,
      env: {
        ...process.env,
        PORT: "0",
        DATABASE_PATH: databasePath,
        SHEKARA_DEMO_PASSWORD: "test-password-1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    // a server that did open would serve for ever: stop it, and the test sees a 0 or a signal
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

const dir = () => mkdtempSync(join(tmpdir(), "shekara-start-"));
const aFile = () => {
  const path = join(dir(), "not-a-directory");
  writeFileSync(path, "x");
  return path;
};

const cases: [string, () => string][] = [
  ["a path whose directory is a file", () => join(aFile(), "shekara.db")],
  ["a directory where the file should be", dir],
  ["a read-only file system", () => "/proc/shekara-test.db"],
];
// root writes through file modes, so a read-only file is only a fault for other users
if (process.getuid?.() !== 0)
  cases.push([
    "a read-only directory",
    () => {
      const d = dir();
      chmodSync(d, 0o555);
      return join(d, "shekara.db");
    },
  ]);

describe("starting on a database that cannot be opened", () => {
  it.each(cases)(
    "%s: one clear line and a non-zero exit",
    async (_name, path) => {
      const { code, out } = await start(path());
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      const lines = out.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Cannot open the database .* Point DATABASE_PATH at/);
      expect(out).not.toMatch(/\n\s+at /); // no stack trace
    },
    60_000,
  );
});
