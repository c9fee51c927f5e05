/** Differences between runs in words, as a planner would say them. Pure. */

export interface Headline {
  label: string;
  /** null when no truck was called in the run */
  waitP90: number | null;
  waitMean: number | null;
  throughputPerHour: number;
}

const hours = (minutes: number) =>
  minutes >= 90 ? `${(minutes / 60).toFixed(1)} h` : `${Math.round(minutes)} min`;

/** "one more scanner cuts the p90 wait from 5.2 h to 3.1 h (-40%)" */
export function describeChange(base: Headline, other: Headline): string {
  if (base.waitP90 === null || other.waitP90 === null)
    return `${other.label} against ${base.label}: ${base.waitP90 === null ? base.label : other.label} called no truck, so there is no wait to compare; throughput ${other.throughputPerHour} vs ${base.throughputPerHour} trucks/h.`;
  const change = base.waitP90 > 0 ? ((other.waitP90 - base.waitP90) / base.waitP90) * 100 : 0;
  const verb = Math.abs(change) < 1 ? "leaves" : change < 0 ? "cuts" : "raises";
  const tail =
    Math.abs(change) < 1
      ? `the p90 wait at ${hours(base.waitP90)}`
      : `the p90 wait from ${hours(base.waitP90)} to ${hours(other.waitP90)} (${change > 0 ? "+" : ""}${Math.round(change)}%)`;
  return `${other.label} ${verb} ${tail}, against ${base.label}; throughput ${other.throughputPerHour} vs ${base.throughputPerHour} trucks/h.`;
}
