/**
 * Redocly's linter, with its recommended ruleset, on the OpenAPI document a running server serves:
 * what an integrator's toolchain sees, not what the code meant to build. Any server (the post, the
 * hub) and any document URL; the CLI runs as a child process, exactly as a person would run it.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const REDOCLY = new URL("../../node_modules/.bin/redocly", import.meta.url).pathname;

export interface LintProblem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  /** a JSON pointer into the document */
  pointer: string;
}

interface RedoclyReport {
  totals: { errors: number; warnings: number };
  problems: {
    ruleId: string;
    severity: "error" | "warn";
    message: string;
    location: { pointer: string }[];
  }[];
}

/** Every error and warning of `redocly lint --extends recommended` on the document at `url`. */
export async function lintServedDocument(url: string): Promise<LintProblem[]> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  const text = await res.text();
  // run where no redocly.yaml can be picked up: the recommended ruleset and nothing else
  const dir = mkdtempSync(join(tmpdir(), "shekara-lint-"));
  try {
    writeFileSync(join(dir, "openapi.json"), text);
    const { stdout } = await promisify(execFile)(
      REDOCLY,
      ["lint", "--extends", "recommended", "--format", "json", "openapi.json"],
      {
        cwd: dir,
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        maxBuffer: 16 * 1024 * 1024,
      },
    ).catch((err: { stdout?: string }) => {
      // redocly exits 1 when it finds errors; its report is still on stdout
      if (err.stdout) return { stdout: err.stdout };
      throw err;
    });
    const report = JSON.parse(stdout) as RedoclyReport;
    return report.problems.map((p) => ({
      ruleId: p.ruleId,
      severity: p.severity,
      message: p.message,
      pointer: p.location[0]?.pointer ?? "",
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
