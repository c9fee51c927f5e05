import { describe, expect, it } from "vitest";
import type { CrossingContext } from "../../machines/types.ts";
import { INITIAL, restart } from "../../src/sim/truck.ts";

describe("a recycled simulated truck", () => {
  it("starts again from the machine's initial context, every field of it", () => {
    const used = { ...INITIAL, lane: 3, missedCalls: 1, history: [] } as CrossingContext;
    restart(used, 2);
    expect(used).toEqual({ ...INITIAL, history: [{ state: "declared", at: 120_000 }] });
    expect(Object.keys(used).sort()).toEqual(Object.keys(INITIAL).sort());
  });
});
