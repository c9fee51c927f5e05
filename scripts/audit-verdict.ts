/**
 * What CI makes of `npm audit --json` (issue 13, finding 11): strict when the advisory service
 * answered (a high or critical advisory fails the build), and plain when it could not be asked
 * (a refused or unreachable registry is not a pass: it says NOT CHECKED and why). Pure, so the
 * verdict is tested on npm's own output shapes.
 */
export interface AuditVerdict {
  exitCode: 0 | 1;
  /** "error" and "warn" lines go to stderr */
  level: "log" | "warn" | "error";
  message: string;
}

type Report = {
  metadata?: { vulnerabilities?: Record<string, number> };
  error?: { code?: string; summary?: string };
  message?: string;
};

export function auditVerdict(stdout: string, stderr: string): AuditVerdict {
  let report: Report | null = null;
  try {
    report = JSON.parse(stdout) as Report;
  } catch {
    report = null;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!report || report.error || !counts || typeof counts !== "object") {
    const why =
      report?.error?.summary?.split("\n")[0] ||
      report?.message ||
      report?.error?.code ||
      stderr.trim().split("\n")[0] ||
      "no answer";
    return {
      exitCode: 0,
      level: "warn",
      message: `npm audit: NOT CHECKED. The advisory service could not be asked (${why}); no advisory was looked at, so this build says nothing about them.`,
    };
  }
  const high = (counts.high ?? 0) + (counts.critical ?? 0);
  if (high > 0)
    return {
      exitCode: 1,
      level: "error",
      message: `npm audit found ${counts.high ?? 0} high and ${counts.critical ?? 0} critical advisories: ${JSON.stringify(counts)}.`,
    };
  return {
    exitCode: 0,
    level: "log",
    message: `npm audit: no high or critical advisories ${JSON.stringify(counts)}.`,
  };
}
