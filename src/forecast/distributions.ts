/** The negative binomial (NB2: variance mu + mu^2/theta) and what the forecast needs of it. */

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7): about 15 significant digits. */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  const z = x - 1;
  let a = 0.99999999999980993;
  for (let i = 0; i < LANCZOS.length; i++) a += (LANCZOS[i] as number) / (z + i + 1);
  const t = z + LANCZOS.length - 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** A theta this large is a Poisson for every count a checkpoint sees. */
export const POISSON_THETA = 1e8;

function logPmf(k: number, mu: number, theta: number): number {
  if (theta >= POISSON_THETA) return k * Math.log(mu) - mu - lgamma(k + 1);
  return (
    lgamma(k + theta) -
    lgamma(theta) -
    lgamma(k + 1) +
    theta * Math.log(theta / (theta + mu)) +
    k * Math.log(mu / (theta + mu))
  );
}

/**
 * Walks the probability mass over the counts that matter (mu +- 12 sd), from the first term by
 * the ratio p(k+1)/p(k), so a day costs one ln Γ and a few thousand multiplications.
 */
function walk(mu: number, theta: number, visit: (k: number, p: number) => boolean): void {
  const sd = Math.sqrt(mu + (theta >= POISSON_THETA ? 0 : (mu * mu) / theta));
  const lo = Math.max(0, Math.floor(mu - 12 * sd - 2));
  const hi = Math.ceil(mu + 12 * sd + 10);
  const ratio = theta >= POISSON_THETA ? mu : mu / (theta + mu);
  let p = Math.exp(logPmf(lo, mu, theta));
  for (let k = lo; k <= hi; k++) {
    if (!visit(k, p)) return;
    p *= theta >= POISSON_THETA ? ratio / (k + 1) : ((k + theta) / (k + 1)) * ratio;
  }
}

/** The smallest count whose cumulative probability reaches q. */
export function nbQuantile(q: number, mu: number, theta: number): number {
  if (mu <= 0) return 0;
  let cdf = 0;
  let answer = 0;
  walk(mu, theta, (k, p) => {
    cdf += p;
    answer = k;
    return cdf < q;
  });
  return answer;
}

/** E[Y | Y >= c]: what a censored day's demand is expected to have been, given the model. */
export function nbMeanAbove(c: number, mu: number, theta: number): number {
  let mass = 0;
  let first = 0;
  walk(mu, theta, (k, p) => {
    if (k >= c) {
      mass += p;
      first += k * p;
    }
    return true;
  });
  return mass > 1e-12 ? first / mass : Math.max(c, mu);
}
