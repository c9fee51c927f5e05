/** Service-time distributions, in minutes, sampled from a given uniform stream. */
import { z } from "zod";
import type { Uniform } from "./streams.ts";

const positive = z.number().positive();
export const distributionSchema = z.discriminatedUnion("dist", [
  z.strictObject({ dist: z.literal("deterministic"), value: z.number().nonnegative() }),
  z.strictObject({ dist: z.literal("exponential"), mean: positive }),
  z
    .strictObject({
      dist: z.literal("uniform"),
      min: z.number().nonnegative(),
      max: z.number().nonnegative(),
    })
    .refine((d) => d.min <= d.max, { path: ["max"], message: "expected max >= min" }),
  z
    .strictObject({
      dist: z.literal("triangular"),
      min: z.number().nonnegative(),
      mode: z.number().nonnegative(),
      max: z.number().nonnegative(),
    })
    .refine((d) => d.min <= d.mode && d.mode <= d.max, {
      path: ["mode"],
      message: "expected min <= mode <= max",
    }),
  z.strictObject({ dist: z.literal("lognormal"), mean: positive, sd: positive }),
  z.strictObject({ dist: z.literal("gamma"), shape: positive, mean: positive }),
  z.strictObject({ dist: z.literal("erlang"), k: z.number().int().positive(), mean: positive }),
  z.strictObject({ dist: z.literal("empirical"), samples: z.array(z.number().nonnegative()).min(1) }),
]);
export type Distribution = z.infer<typeof distributionSchema>;

export type Sampler = () => number;

/** Box-Muller; the spare is dropped so each call uses exactly two draws (reproducible). */
function normal(u: Uniform): number {
  const a = 1 - u();
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * u());
}

/** Marsaglia-Tsang for shape >= 1; boosted for shape < 1. Scale 1. */
function gamma(u: Uniform, shape: number): number {
  if (shape < 1) return gamma(u, shape + 1) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(u);
    const v0 = 1 + c * x;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    const w = u();
    if (Math.log(w) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export function sampler(d: Distribution, u: Uniform): Sampler {
  switch (d.dist) {
    case "deterministic":
      return () => d.value;
    case "exponential":
      return () => -d.mean * Math.log(1 - u());
    case "uniform":
      return () => d.min + (d.max - d.min) * u();
    case "triangular": {
      const span = d.max - d.min;
      const cut = span === 0 ? 0 : (d.mode - d.min) / span;
      return () => {
        const x = u();
        return x < cut
          ? d.min + Math.sqrt(x * span * (d.mode - d.min))
          : d.max - Math.sqrt((1 - x) * span * (d.max - d.mode));
      };
    }
    case "lognormal": {
      // Parameters of the underlying normal from the wanted mean and sd.
      const sigma2 = Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean));
      const mu = Math.log(d.mean) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      return () => Math.exp(mu + sigma * normal(u));
    }
    case "gamma":
      return () => (gamma(u, d.shape) * d.mean) / d.shape;
    case "erlang": {
      // Sum of k exponentials: exact and faster than the general gamma.
      const scale = d.mean / d.k;
      return () => {
        let p = 1;
        for (let i = 0; i < d.k; i++) p *= 1 - u();
        return -scale * Math.log(p);
      };
    }
    case "empirical": {
      const s = d.samples;
      return () => s[Math.floor(u() * s.length)] as number;
    }
  }
}

export function meanOf(d: Distribution): number {
  switch (d.dist) {
    case "deterministic":
      return d.value;
    case "uniform":
      return (d.min + d.max) / 2;
    case "triangular":
      return (d.min + d.mode + d.max) / 3;
    case "empirical":
      return d.samples.reduce((a, b) => a + b, 0) / d.samples.length;
    default:
      return d.mean;
  }
}
