/** `.ci/run`'s audit: asks npm, then judges its answer (audit-verdict.ts). */
import { spawnSync } from "node:child_process";
import { auditVerdict } from "./audit-verdict.ts";

const run = spawnSync("npm", ["audit", "--json"], { encoding: "utf8" });
const verdict = auditVerdict(run.stdout ?? "", `${run.stderr ?? ""}${run.error ? String(run.error) : ""}`);
console[verdict.level](verdict.message);
process.exit(verdict.exitCode);
