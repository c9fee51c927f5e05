/**
 * Erlang C (M/M/c) and square-root staffing: the first guess of lanes, which the simulator then
 * checks (Feldman, Mandelbaum, Massey and Whitt 2008, simulation-based iterative staffing).
 */

/** The probability an arrival waits, for c servers and offered load a = lambda/mu (Erlang), a < c. */
export function erlangC(c: number, a: number): number {
  if (a <= 0) return 0;
  if (a >= c) return 1;
  // Erlang B by its stable recursion, then C from B
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b / (1 - (a / c) * (1 - b));
}

/** P(wait > t) in M/M/c: C(c, a) e^{-(c mu - lambda) t}, with mu per minute. */
export function probWaitOver(c: number, a: number, serviceMinutes: number, t: number): number {
  if (a >= c) return 1;
  return erlangC(c, a) * Math.exp(-((c - a) / serviceMinutes) * t);
}

/**
 * Lanes for `perHour` arrivals with mean service `serviceMinutes`: square-root staffing
 * c = a + beta sqrt(a) (beta = 1) as the start, then the fewest lanes from there (up or down) that
 * Erlang C says keep P(wait > target) at most `tail` (0.1: the P90 wait within the target).
 */
export function lanesFor(perHour: number, serviceMinutes: number, targetWait: number, tail = 0.1) {
  const a = (perHour * serviceMinutes) / 60;
  const squareRoot = Math.max(1, Math.ceil(a + Math.sqrt(a)));
  let c = squareRoot;
  while (c > 1 && probWaitOver(c - 1, a, serviceMinutes, targetWait) <= tail) c--;
  while (probWaitOver(c, a, serviceMinutes, targetWait) > tail) c++;
  return { offeredLoad: a, squareRoot, erlang: c };
}
