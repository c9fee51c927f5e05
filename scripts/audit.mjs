// npm audit, strict about findings and honest when the advisory service cannot be reached.
import { spawnSync } from "node:child_process";

const run = spawnSync("npm", ["audit", "--json"], { encoding: "utf8" });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = { error: { summary: run.stderr || "no output" } };
}
if (report.error || !report.metadata) {
  const why = report.message || report.error?.summary?.split("\n")[0] || "unknown answer";
  console.warn(`npm audit: the advisory service could not be asked (${why}); not checked.`);
  process.exit(0);
}
const v = report.metadata?.vulnerabilities ?? {};
console.log(`npm audit: ${JSON.stringify(v)}`);
if ((v.high ?? 0) + (v.critical ?? 0) > 0) {
  console.error("npm audit found high or critical advisories.");
  process.exit(1);
}
