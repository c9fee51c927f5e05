/**
 * How trucks come to ask to cross, on a replication's event heap: a Poisson process (thinned under
 * the highest level when the day plan changes it), an hourly profile by weekday (thinned under its
 * peak), booked slots (each slot's trucks at their own times, no-shows left out), or a trace's rows.
 * Pure: it draws only from `draw`, and asks the replication to take each truck that arrives.
 */
import { type Day, dayOf } from "./day-plan.ts";
import type { EventHeap } from "./heap.ts";
import type { Scenario } from "./scenario.ts";
import { ARRIVAL, BOOKED_ARRIVAL, SLOT, TRACE_ARRIVAL } from "./sim-events.ts";
import type { TraceRow } from "./trace.ts";

export function arrivalProcess(
  scenario: Scenario,
  plan: readonly Day[],
  draw: () => number,
  heap: EventHeap,
  trace: readonly TraceRow[] | undefined,
  /** a truck that is not booked asks to cross now */
  arrive: () => void,
) {
  const arrivals = scenario.arrivals;
  const factors = plan.map((d) => d.arrivalFactor);
  const maxFactor = Math.max(...factors);
  const scheduled = factors.some((f) => f !== 1);
  const exp = (mean: number) => -mean * Math.log(1 - draw());
  let peak = 0;
  if (arrivals.kind === "poisson") {
    // with a schedule of arrival levels, thinning under the highest; without, the plain process
    peak = arrivals.perHour * (scheduled ? maxFactor : 1);
    if (peak > 0) heap.push(exp(60 / peak), ARRIVAL, 0);
  }
  if (arrivals.kind === "profile") {
    const f = arrivals.weekdayFactors ?? [1];
    peak = Math.max(...arrivals.perHour) * Math.max(...f) * maxFactor;
    if (peak > 0) heap.push(exp(60 / peak), ARRIVAL, 0);
  }
  if (arrivals.kind === "booked") heap.push(0, SLOT, 0);
  if (arrivals.kind === "trace" && trace)
    for (let i = 0; i < trace.length; i++) heap.push((trace[i] as TraceRow).arrival, TRACE_ARRIVAL, i);

  return {
    /** An ARRIVAL event: a truck, unless thinning drops it, and the next ARRIVAL. */
    next(now: number): void {
      const factor = scheduled ? dayOf(plan, now).arrivalFactor : 1;
      if (arrivals.kind === "poisson") {
        if (!scheduled || draw() * peak < arrivals.perHour * factor) arrive();
        heap.push(now + exp(60 / peak), ARRIVAL, 0);
      } else if (arrivals.kind === "profile") {
        // Thinning: a non-homogeneous Poisson process under the peak rate.
        const hour = Math.floor(now / 60);
        const rate =
          (arrivals.perHour[hour % 24] as number) *
          ((arrivals.weekdayFactors ?? [1])[
            Math.floor(hour / 24) % (arrivals.weekdayFactors?.length ?? 1)
          ] as number) *
          factor;
        if (draw() * peak < rate) arrive();
        heap.push(now + exp(60 / peak), ARRIVAL, 0);
      }
    },
    /** A SLOT event: its booked trucks, each a BOOKED_ARRIVAL at its own time, and the next SLOT. */
    slot(now: number): void {
      if (arrivals.kind !== "booked") return;
      const factor = dayOf(plan, now).arrivalFactor;
      const n = Math.round(arrivals.capacityPerSlot * arrivals.fill * factor);
      for (let i = 0; i < n; i++) {
        const show = draw() >= arrivals.noShowRate;
        const at = now + draw() * arrivals.slotMinutes + (2 * draw() - 1) * arrivals.jitterMinutes;
        if (show) heap.push(Math.max(now, at), BOOKED_ARRIVAL, 0);
      }
      heap.push(now + arrivals.slotMinutes, SLOT, 0);
    },
  };
}
