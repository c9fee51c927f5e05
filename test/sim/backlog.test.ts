/** Issue 16: trucks wait where they stand, and the report says where each one is at the end. */
import { describe, expect, it } from "vitest";
import { runReplication } from "../../src/sim/model.ts";
import { simulate } from "../../src/sim/report.ts";
import type { Scenario } from "../../src/sim/scenario.ts";
import { mmc } from "./support.ts";

/** 10 trucks an hour (240 a day) against a neighbour taking 100 a day, for ten days. */
const overloaded: Scenario = {
  ...mmc(4, 10, 10, 240, 3),
  warmupHours: 24,
  neighbourAcceptsPerDay: 100,
};

const balance = (r: {
  trucksInsideAtStart: number;
  trucksArrived: number;
  trucksExited: number;
  trucksRefused: number;
  trucksExpired: number;
  trucksInsideAtEnd: number;
}) =>
  expect(r.trucksInsideAtStart + r.trucksArrived).toBe(
    r.trucksExited + r.trucksRefused + r.trucksExpired + r.trucksInsideAtEnd,
  );

describe("the neighbour's backlog stands before the gate", () => {
  it("piles up before the gate at arrivals minus the neighbour's rate, not inside", () => {
    const r = simulate(overloaded, 1);
    // 140 a day more than the neighbour takes, for ten days (Poisson: sd about sqrt(2,400) = 49)
    expect(r.gateQueue.atEnd).toBeGreaterThan(1400 - 5 * 49);
    expect(r.gateQueue.atEnd).toBeLessThan(1400 + 5 * 49);
    expect(r.insideAtEnd.gateQueue).toBe(r.gateQueue.atEnd);
    // inside, the lanes see only the neighbour's pace: nobody waits for a lane
    expect(r.insideAtEnd.checkpoint).toBeLessThan(10);
    expect(r.hourly.at(-1)?.gateQueue).toBeGreaterThan(r.hourly[0]?.gateQueue ?? 0);
    expect(r.gateWaitMinutes.mean).toBeGreaterThan(1000);
    // the exit rate is the neighbour's: 100 a day
    expect(r.throughputPerHour).toBeGreaterThan(100 / 24 - 0.2);
    expect(r.throughputPerHour).toBeLessThan(100 / 24 + 0.2);
    balance(r);
  });

  it("says the run has no steady state, why, and what its averages leave out", () => {
    const r = simulate(overloaded, 1);
    expect(r.steadyState).toBe(false);
    expect(r.warnings.join("\n")).toMatch(
      /neighbour's side takes 100: the queue before the gate grows by about 140 a day/,
    );
    expect(r.warnings.join("\n")).toMatch(/backlog was still growing/);
    expect(r.warnings.join("\n")).toMatch(
      /average only the [\d,]+ trucks that left \(\d+% of the [\d,]+ that arrived\)/,
    );
    expect(r.stillInsideMinutes.count).toBeGreaterThan(0);
  });

  it("a run that keeps up has a steady state and no warnings", () => {
    const r = simulate({ ...mmc(4, 20, 10, 400, 5), warmupHours: 20 }, 2);
    expect(r.steadyState).toBe(true);
    expect(r.warnings).toEqual([]);
    balance(r);
    expect(r.gateQueue).toEqual({ mean: 0, max: 0, atEnd: 0 });
  });

  it("throughput is the exit rate of the measured period, trucks from the warm-up included", () => {
    const r = runReplication({ ...mmc(2, 10, 10, 48, 2), warmupHours: 24 }, 2);
    const exits = r.hourly.reduce((a, h) => a + h.exits, 0);
    expect(exits).toBe(r.trucksExited);
    expect(r.trucksExited).toBeGreaterThanOrEqual(r.trucksCompleted);
  });

  it("an initial backlog drains at the neighbour's rate less the arrivals", () => {
    const r = simulate(
      {
        ...mmc(4, 2, 10, 120, 4),
        warmupHours: 0,
        neighbourAcceptsPerDay: 200,
        initialBacklog: { gateQueue: 500 },
      },
      1,
    );
    // 200 a day out, 48 a day in: about 152 a day less, five days (sd of 240 arrivals about 16)
    expect(r.gateQueue.atEnd).toBeGreaterThan(500 - 5 * 152 - 5 * 16);
    expect(r.hourly[0]?.gateQueue).toBeGreaterThan(400);
    expect(r.trucksInsideAtStart).toBe(500);
    balance(r);
  });
});

describe("the e-queue's daily limit and schedules by day", () => {
  // 960 a day ask to cross; the neighbour takes 725
  const demand: Scenario = { ...mmc(8, 40, 10, 240, 6), warmupHours: 24, neighbourAcceptsPerDay: 725 };

  it("keeps the excess in the e-queue, not at the border, on the same demand as without it", () => {
    const off = runReplication(demand, 6);
    const on = runReplication({ ...demand, dailyLimit: 650 }, 6);
    expect(on.hourly.map((h) => h.arrivals)).toEqual(off.hourly.map((h) => h.arrivals));
    expect(off.gateQueue.atEnd).toBeGreaterThan(500);
    expect(on.gateQueue.max).toBeLessThan(5);
    // 960 a day ask, 650 go: 310 a day more in the e-queue over nine days (sd of 8,640 arrivals about 93)
    expect(on.virtualQueue.atEnd).toBeGreaterThan(9 * 310 - 5 * 93);
    expect(on.virtualQueue.atEnd).toBeLessThan(9 * 310 + 5 * 93);
    expect(on.virtualWait.count).toBeGreaterThan(0);
  });

  it("a neighbour taking 0 on a day lets nobody through that day", () => {
    const r = runReplication(
      {
        ...demand,
        warmupHours: 0,
        hours: 72,
        schedule: [
          { fromDay: 1, neighbourAcceptsPerDay: 0 },
          { fromDay: 2, neighbourAcceptsPerDay: 725 },
        ],
      },
      7,
    );
    const day = (d: number) => r.hourly.slice(d * 24, d * 24 + 24).reduce((a, h) => a + h.exits, 0);
    // the checks under way when the day began still finish; nobody new comes in
    expect(day(1)).toBeLessThan(10);
    expect(day(0)).toBeGreaterThan(500);
    expect((r.hourly[47]?.gateQueueArea ?? 0) / 60).toBeGreaterThan(600);
  });

  it("an arrival level by day scales the arrivals", () => {
    const r = runReplication(
      { ...demand, warmupHours: 0, hours: 48, schedule: [{ fromDay: 1, arrivalFactor: 2 }] },
      8,
    );
    const day = (d: number) => r.hourly.slice(d * 24, d * 24 + 24).reduce((a, h) => a + h.arrivals, 0);
    // 960 then 1,920 (Poisson: sd 31 and 44)
    expect(Math.abs(day(0) - 960)).toBeLessThan(5 * 31);
    expect(Math.abs(day(1) - 1920)).toBeLessThan(5 * 44);
  });
});
