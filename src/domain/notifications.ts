/** When a driver is warned that their slot is about to lapse. Pure: the job brings the clock. */

/** Minutes before the end of the grace window that the warning goes out. */
export const SLOT_WARNING_MINUTES = 30;

/**
 * A booked truck not yet checked in is warned once the end of its slot plus the grace window is
 * less than SLOT_WARNING_MINUTES away, and not after it has passed (then the booking lapses).
 */
export function slotWarningWindow(now: number, graceMinutes: number): { endFrom: number; endTo: number } {
  const grace = graceMinutes * 60_000;
  return { endFrom: now - grace, endTo: now - grace + SLOT_WARNING_MINUTES * 60_000 };
}
