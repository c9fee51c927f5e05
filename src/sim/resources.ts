/**
 * The resources open at an hour of the day: the scenario's counts, changed by its shift plan.
 * A shift from 22 to 6 runs across midnight (22:00-24:00 and 00:00-06:00).
 */
import type { Scenario } from "./scenario.ts";

export function resourcesAt(scenario: Scenario, hourOfDay: number): Scenario["resources"] {
  const r = { ...scenario.resources };
  for (const s of scenario.shifts ?? []) {
    const on =
      s.fromHour < s.toHour
        ? hourOfDay >= s.fromHour && hourOfDay < s.toHour
        : hourOfDay >= s.fromHour || hourOfDay < s.toHour;
    if (on) {
      if (s.documentLanes !== undefined) r.documentLanes = s.documentLanes;
      if (s.scanners !== undefined) r.scanners = s.scanners;
      if (s.inspectionBays !== undefined) r.inspectionBays = s.inspectionBays;
    }
  }
  return r;
}
