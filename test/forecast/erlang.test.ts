import { describe, expect, it } from "vitest";
import { erlangC, lanesFor, probWaitOver } from "../../src/forecast/erlang.ts";

describe("Erlang C and square-root staffing", () => {
  it("matches the textbook value: 10 Erlang on 12 servers waits with probability 0.4494", () => {
    expect(erlangC(12, 10)).toBeCloseTo(0.4494, 3);
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 10);
  });

  it("says everyone waits when the load reaches the servers", () => {
    expect(erlangC(5, 5)).toBe(1);
    expect(probWaitOver(5, 6, 10, 30)).toBe(1);
  });

  it("staffs the fewest lanes whose P(wait > target) is at most 10%", () => {
    const l = lanesFor(60, 10, 15); // 10 Erlang
    expect(l.offeredLoad).toBeCloseTo(10, 10);
    expect(l.squareRoot).toBe(14);
    expect(probWaitOver(l.erlang, 10, 10, 15)).toBeLessThanOrEqual(0.1);
    expect(probWaitOver(l.erlang - 1, 10, 10, 15)).toBeGreaterThan(0.1);
  });
});
