/**
 * Whether a run's backlog was still growing at its end, and what its headline figures leave out.
 * A queue at equilibrium stays within a few times the square root of the arrivals in any stretch;
 * one still growing adds more than that in the last quarter of the run. Pure.
 */
import type { SimReport } from "./report.ts";

type Part = Pick<
  SimReport,
  "hourly" | "trucksArrived" | "trucksCompleted" | "trucksInsideAtEnd" | "stillInsideMinutes" | "replications"
>;

const n = (x: number) => Math.round(x).toLocaleString("en");

/** The backlog (e-queue, before the gate, inside) in the last quarter of the measured hours, a whole number of days apart where it can. */
export function backlogGrowth(
  hourly: Part["hourly"],
): { growth: number; arrivals: number; hours: number } | null {
  const quarter = Math.floor(hourly.length / 4);
  // compare the same hour of the day, so a daily rhythm is not read as growth
  const lag = quarter >= 24 ? Math.floor(quarter / 24) * 24 : quarter;
  if (lag < 1) return null;
  const last = hourly.length - 1;
  const growth = (hourly[last]?.inSystem ?? 0) - (hourly[last - lag]?.inSystem ?? 0);
  const arrivals = hourly.slice(last - lag + 1).reduce((a, h) => a + h.arrivals, 0);
  return { growth, arrivals, hours: lag };
}

export function steadyStateWarnings(r: Part): { noSteadyState: string[]; notes: string[] } {
  const noSteadyState: string[] = [];
  const notes: string[] = [];
  const g = backlogGrowth(r.hourly);
  if (g && g.growth > Math.max(3 * Math.sqrt(g.arrivals), 0.02 * g.arrivals, 1))
    noSteadyState.push(
      `the backlog was still growing at the end: ${n(g.growth)} more trucks in the last ${g.hours} hours (e-queue, before the gate and inside), so its waits depend on how long the run lasts`,
    );
  const per = (x: number) => x / r.replications;
  if (r.trucksArrived > 0 && r.trucksCompleted < 0.95 * r.trucksArrived) {
    const share = Math.round((100 * r.trucksCompleted) / r.trucksArrived);
    const soFar = r.stillInsideMinutes.mean;
    notes.push(
      `times in system and stages average only the ${n(per(r.trucksCompleted))} trucks that left (${share}% of the ${n(per(r.trucksArrived))} that arrived); ${n(per(r.trucksInsideAtEnd))} were still there at the end${soFar === null ? "" : `, there ${n(soFar)} min on average so far`}`,
    );
  }
  if (r.trucksCompleted === 0) notes.push("no truck completed its crossing: time in system has no figure");
  return { noSteadyState, notes };
}
