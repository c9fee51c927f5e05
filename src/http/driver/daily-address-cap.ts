/**
 * Bookings per client address in a rolling day (issue 13): one address's bots could otherwise book
 * every minute of the day within the per-minute limit. In memory, as the per-minute limit is:
 * Shekara is one process, and a restart forgiving a day's count is a small gift.
 */
const DAY_MS = 86_400_000;
/** Addresses remembered at most; the oldest are forgotten first (a flood of addresses cannot fill memory). */
const MAX_ADDRESSES = 100_000;

export function dailyAddressCap(perDay: number, now: () => number) {
  const seen = new Map<string, number[]>();
  const recent = (address: string) => {
    const since = now() - DAY_MS;
    const times = (seen.get(address) ?? []).filter((t) => t > since);
    if (times.length === 0) seen.delete(address);
    else seen.set(address, times);
    return times;
  };
  return {
    on: perDay > 0,
    perDay,
    /** Seconds until this address may book again, or 0 when it may now. */
    waitSeconds(address: string): number {
      if (perDay === 0) return 0;
      const times = recent(address);
      if (times.length < perDay) return 0;
      return Math.max(1, Math.ceil(((times[0] ?? now()) + DAY_MS - now()) / 1000));
    },
    booked(address: string) {
      if (perDay === 0) return;
      const times = recent(address);
      times.push(now());
      seen.delete(address); // re-inserted last: the Map's order is the age order
      seen.set(address, times);
      if (seen.size > MAX_ADDRESSES) seen.delete(seen.keys().next().value as string);
    },
  };
}
