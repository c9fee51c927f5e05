/**
 * Each API key's own rate limit: a token bucket per key, refilled continuously, so a platform
 * may burst up to its minute's allowance and then runs at its steady rate. In memory: Shekara is
 * one process, and a restart forgiving a minute's budget is harmless.
 */
export interface RateDecision {
  allowed: boolean;
  /** seconds until one more request would be allowed */
  retryAfterSeconds: number;
  remaining: number;
}

export function keyRateLimiter(now: () => number) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(keyId: string, perMinute: number): RateDecision {
      const t = now();
      const bucket = buckets.get(keyId) ?? { tokens: perMinute, at: t };
      // refill for the time passed; a lowered limit caps a bucket filled under the old one
      bucket.tokens = Math.min(perMinute, bucket.tokens + ((t - bucket.at) * perMinute) / 60_000);
      bucket.at = t;
      buckets.set(keyId, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(bucket.tokens) };
      }
      const waitMs = ((1 - bucket.tokens) * 60_000) / perMinute;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), remaining: 0 };
    },
  };
}
export type KeyRateLimiter = ReturnType<typeof keyRateLimiter>;
