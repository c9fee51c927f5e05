import { describe, expect, it } from "vitest";
import { stageFigures } from "../../src/http/officer/board.ts";

const MIN = 60_000;

describe("today's figures per Time Release Study stage", () => {
  it("gives the mean and p90 of the time spent in each state, in minutes", () => {
    // ten trucks waited 1..10 minutes, then spent 5 minutes at the document check
    const histories = Array.from({ length: 10 }, (_, i) => [
      { state: "waitingArea" as const, at: 0 },
      { state: "called" as const, at: (i + 1) * MIN },
      { state: "documentCheck" as const, at: (i + 1) * MIN },
      { state: "released" as const, at: (i + 6) * MIN },
    ]);
    const figures = stageFigures(histories);
    expect(figures.find((f) => f.stage === "Waiting area")).toEqual({
      stage: "Waiting area",
      count: 10,
      meanMinutes: 5.5,
      p90Minutes: 9,
    });
    expect(figures.find((f) => f.stage === "Document check")).toMatchObject({
      meanMinutes: 5,
      p90Minutes: 5,
    });
    expect(figures.find((f) => f.stage === "Scan")).toMatchObject({ count: 0, meanMinutes: null });
  });
});
