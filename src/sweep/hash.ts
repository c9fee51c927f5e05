/**
 * A combination's scenario hash: SHA-256 of its JSON with keys sorted, so the same scenario hashes
 * the same on every machine. Results are keyed by (sweep, scenario hash, replication). Pure.
 */
import { createHash } from "node:crypto";

function canonical(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(canonical);
  if (typeof x === "object" && x !== null)
    return Object.fromEntries(
      Object.keys(x)
        .sort()
        .map((k) => [k, canonical((x as Record<string, unknown>)[k])]),
    );
  return x;
}

export function scenarioHash(scenario: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(canonical(scenario)))
    .digest("hex");
}
