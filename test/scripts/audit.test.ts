/**
 * Issue 13, finding 11: CI's audit fails on a high or critical advisory when npm's advisory
 * service answers, and says plainly when it could not be asked. The outputs are npm 10's own
 * shapes for `npm audit --json` (an answer, and a refused audit request); the last test runs the
 * real script with a fake `npm` first on the PATH.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditVerdict } from "../../scripts/audit-verdict.ts";

const answered = (high: number, critical: number) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: {},
    metadata: {
      vulnerabilities: { info: 0, low: 1, moderate: 2, high, critical, total: 3 + high + critical },
      dependencies: { prod: 40, dev: 300, optional: 10, peer: 0, peerOptional: 0, total: 350 },
    },
  });
const refused = JSON.stringify({
  message: "audit endpoint returned an error",
  error: {
    code: "ENOAUDIT",
    summary:
      "Your configured registry (https://registry.npmjs.org/) may not support audit requests, or the audit endpoint may be temporarily unavailable.",
    detail: "",
  },
});

describe("the audit's verdict", () => {
  it("fails on a high or a critical advisory", () => {
    expect(auditVerdict(answered(1, 0), "")).toMatchObject({ exitCode: 1, level: "error" });
    expect(auditVerdict(answered(0, 2), "")).toMatchObject({ exitCode: 1, level: "error" });
  });

  it("passes when the service answered with none (low and moderate are not the build's to fail)", () => {
    expect(auditVerdict(answered(0, 0), "")).toMatchObject({ exitCode: 0, level: "log" });
  });

  it("says NOT CHECKED, with npm's reason, when the request was refused or npm said nothing usable", () => {
    const v = auditVerdict(refused, "npm error audit endpoint returned an error");
    expect(v).toMatchObject({ exitCode: 0, level: "warn" });
    expect(v.message).toMatch(/^npm audit: NOT CHECKED\. .*may not support audit requests/);
    expect(
      auditVerdict("", "npm error network request to https://registry.npmjs.org failed").message,
    ).toMatch(/NOT CHECKED.*network request/);
    expect(auditVerdict("<html>502</html>", "").message).toMatch(/NOT CHECKED.*no answer/);
  });

  it("is what scripts/audit.ts does with npm's answer, exit code included", () => {
    const bin = mkdtempSync(join(tmpdir(), "fake-npm-"));
    const run = (stdout: string) => {
      writeFileSync(join(bin, "out.json"), stdout);
      writeFileSync(join(bin, "npm"), `#!/bin/sh\ncat "${join(bin, "out.json")}"\nexit 1\n`);
      chmodSync(join(bin, "npm"), 0o755);
      return spawnSync(process.execPath, ["--import", "tsx", "scripts/audit.ts"], {
        cwd: new URL("../..", import.meta.url).pathname,
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
        encoding: "utf8",
      });
    };
    const high = run(answered(1, 0));
    expect(high.status).toBe(1);
    expect(high.stderr).toContain("1 high and 0 critical");
    const notAsked = run(refused);
    expect(notAsked.status).toBe(0);
    expect(notAsked.stderr).toContain("NOT CHECKED");
  }, 60_000);
});
