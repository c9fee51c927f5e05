/**
 * One random stream per purpose (arrivals, channel, each stage...), each from its own seed
 * derived from the scenario seed, so changing one stage never reshuffles another's draws
 * (common random numbers for fair comparisons).
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

export type Uniform = () => number;

export const PURPOSES = [
  "arrivals",
  "channel",
  "priority",
  "documentCheck",
  "scan",
  "physicalInspection",
  "hold",
  "holdMinutes",
  "unmanned",
  "unmannedMinutes",
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** splitmix32: spreads (seed, purpose) into well-separated generator seeds. */
function mix(seed: number, salt: number): number {
  let z = (seed + Math.imul(salt + 1, 0x9e3779b9)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

export function uniformStream(seed: number, salt: number): Uniform {
  const rng = xoroshiro128plus(mix(seed, salt));
  return () => uniformFloat64(rng);
}

export function streams(seed: number): Record<Purpose, Uniform> {
  return Object.fromEntries(PURPOSES.map((p, i) => [p, uniformStream(seed, i)])) as Record<Purpose, Uniform>;
}
