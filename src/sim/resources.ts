/** The resources open at an hour of the day: the scenario's counts, changed by its shift plan. */
import type { Scenario } from "./scenario.ts";

export function resourcesAt(scenario: Scenario, hourOfDay: number): Scenario["resources"] {
  const r = { ...scenario.resources };
  for (const s of scenario.shifts ?? []) {
    if (hourOfDay >= s.fromHour && hourOfDay < s.toHour) {
      if (s.documentLanes !== undefined) r.documentLanes = s.documentLanes;
      if (s.scanners !== undefined) r.scanners = s.scanners;
      if (s.inspectionBays !== undefined) r.inspectionBays = s.inspectionBays;
    }
  }
  return r;
}
