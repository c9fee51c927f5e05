/** A booked truck checked in and called to `lane`, through the store's apply path. */
import { declareAndBook, type TestRuntime } from "../../api/support.ts";

const OFFICER = { kind: "officer" as const, id: "o-1" };

export function calledTruck(rt: TestRuntime, plate: string, lane = 3): string {
  const id = declareAndBook(rt, plate);
  const now = rt.deps.now();
  for (const event of [
    {
      type: "CHECK_IN" as const,
      policy: { walkInsAllowed: false, graceMinutes: 60 },
      at: now,
      actor: OFFICER,
    },
    { type: "CALL" as const, lane, deadline: now + 20 * 60_000, at: now, actor: OFFICER },
  ]) {
    const r = rt.deps.crossings.apply(id, event);
    if (!r.ok) throw new Error(r.reason);
  }
  return id;
}
