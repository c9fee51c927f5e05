/**
 * Sign-in throttling (issue 13, finding 2), per client address and per account-and-address, so
 * guessing is slowed and then stopped where it comes from, while a stranger elsewhere cannot lock
 * a colleague out (the account itself is never locked). Keyed by the typed name whether or not
 * such a user exists, so an unknown name is delayed and refused exactly as a real one. In memory:
 * Shekara is one process; a restart forgiving the counts is harmless next to OWASP's concern.
 */
export const WINDOW_MINUTES = 15;
/** Failures for one account from one address before it is refused there for WINDOW_MINUTES. */
export const MAX_ACCOUNT_FAILURES = 5;
/** Failures from one address, over every name, before that address is refused for WINDOW_MINUTES. */
export const MAX_ADDRESS_FAILURES = 30;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 4000;
const MAX_KEYS = 100_000;

interface Count {
  failures: number;
  last: number;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function signInThrottle(now: () => number) {
  const counts = new Map<string, Count>();
  const window = WINDOW_MINUTES * 60_000;
  const current = (key: string): Count | null => {
    const c = counts.get(key);
    if (c && now() - c.last >= window) {
      counts.delete(key);
      return null;
    }
    return c ?? null;
  };
  const keys = (address: string, username: string) =>
    [`address ${address}`, `account ${username.trim().toLowerCase()} ${address}`] as const;
  const bump = (key: string) => {
    const c = current(key) ?? { failures: 0, last: 0 };
    c.failures += 1;
    c.last = now();
    counts.delete(key); // re-inserted last: the Map's order is the age order
    counts.set(key, c);
    if (counts.size > MAX_KEYS) counts.delete(counts.keys().next().value as string);
    return c.failures;
  };

  return {
    /** Before any work: whether this address may try this name now. */
    check(address: string, username: string): ThrottleDecision {
      for (const [key, max] of [
        [keys(address, username)[0], MAX_ADDRESS_FAILURES],
        [keys(address, username)[1], MAX_ACCOUNT_FAILURES],
      ] as const) {
        const c = current(key);
        if (c && c.failures >= max)
          return {
            allowed: false,
            retryAfterSeconds: Math.max(1, Math.ceil((c.last + window - now()) / 1000)),
          };
      }
      return { allowed: true };
    },
    /** A failure; returns how long to wait before answering it (doubling with each in a row). */
    fail(address: string, username: string): { delayMs: number; nowRefused: boolean } {
      const [byAddress, byAccount] = keys(address, username);
      const addressFailures = bump(byAddress);
      const accountFailures = bump(byAccount);
      return {
        delayMs: Math.min(FIRST_DELAY_MS * 2 ** (accountFailures - 1), MAX_DELAY_MS),
        nowRefused: accountFailures >= MAX_ACCOUNT_FAILURES || addressFailures >= MAX_ADDRESS_FAILURES,
      };
    },
    /** A good sign-in forgets this account's failures from this address. */
    succeed(address: string, username: string) {
      counts.delete(keys(address, username)[1]);
    },
  };
}
export type SignInThrottle = ReturnType<typeof signInThrottle>;
