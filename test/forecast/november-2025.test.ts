/**
 * The November 2025 episode at Nur Zholy: arrivals of 1,000-1,200 a day, China accepting 700-750,
 * about 1,500 trucks piled up before the limit was cut to 650 (../shared/domain.md).
 */
import { describe, expect, it } from "vitest";
import { SEED_CHECKPOINTS } from "../../seed/checkpoints.ts";
import { seededRandom } from "../../src/domain/random.ts";
import { calendarOf } from "../../src/forecast/calendar.ts";
import { addDays } from "../../src/forecast/dates.ts";
import { recommend } from "../../src/forecast/recommend.ts";
import { simulateCandidate } from "../../src/forecast/sim-adapter.ts";
import { scenarioFromCheckpoint } from "../../src/planner/from-checkpoint.ts";

const nurZholy = SEED_CHECKPOINTS.find((c) => c.id === "nur-zholy");
if (!nurZholy) throw new Error("Nur Zholy missing from the seed");
const rand = seededRandom(2025_11_13);
const accepted = Array.from({ length: 14 }, (_, i) => ({
  date: addDays("2025-10-30", i),
  count: rand.int(700, 750),
  closed: false,
  censored: false,
}));
const forecast = Array.from({ length: 14 }, (_, i) => {
  const mean = rand.int(1000, 1200);
  return { date: addDays("2025-11-13", i), mean, lo80: mean - 120, hi80: mean + 120 };
});
const scenario = scenarioFromCheckpoint(nurZholy);
const rec = recommend({
  forecast,
  accepted,
  calendar: calendarOf([]),
  config: nurZholy.config,
  scenario,
  backlog: 1500,
  drainDays: 14,
  targetWaitMinutes: 60,
  seed: 7,
});

describe("the November 2025 episode at Nur Zholy", () => {
  it("recommends a limit at most the neighbour's acceptance, and says the neighbour binds", () => {
    const lowest = Math.min(...accepted.map((d) => d.count));
    expect(rec.dailyLimit).toBeLessThanOrEqual(rec.acceptance.cautious);
    expect(rec.acceptance.cautious).toBeLessThanOrEqual(750);
    expect(rec.acceptance.cautious).toBeGreaterThanOrEqual(lowest);
    expect(rec.binding).toBe("neighbour");
    // 1,500 trucks drained over 14 days: about 107 a day below the acceptance
    expect(rec.dailyLimit).toBeLessThan(rec.acceptance.cautious - 100);
    expect(rec.drainDays).toBeGreaterThan(0);
    expect(rec.drainDays).toBeLessThanOrEqual(14);
  });

  // the simulator's own e-queue: demand asks, the limit admits, the gate takes the neighbour's rate
  const simulate = (dailyLimit: number | null, backlog: number, days: number, replications = 10) =>
    simulateCandidate({
      base: scenario,
      demandPerDay: forecast.slice(0, days).map((d) => d.mean),
      dailyLimit,
      hourlyShares: Array(24).fill(1 / 24),
      shifts: rec.lanesPerShift,
      neighbourAcceptsPerDay: accepted.slice(0, days).map((d) => d.count),
      backlog,
      replications,
      seed: 7,
    });

  it("drains the standing pile under the recommendation: below one day of acceptance within the drain days", () => {
    // the recommendation's own check (3 days from the 1,500 standing): the pile shrinks
    expect(rec.sim.backlogAtEnd).toBeLessThan(rec.backlog);
    // the gate takes the neighbour's rate and the e-queue lets in the limit: the pile falls by the
    // difference every day, so within the drain days it is below one day of acceptance
    const days = Math.ceil(rec.drainDays ?? 14);
    for (const r of simulate(rec.dailyLimit, 1500, days, 5))
      expect(r.backlog).toBeLessThan(rec.acceptance.median);
  });

  it("keeps the border clear under the recommendation from the episode's start, the excess waiting in the e-queue", () => {
    for (const r of simulate(rec.dailyLimit, 0, 4)) {
      expect(r.gateQueueMax).toBeLessThan(rec.acceptance.median);
      expect(r.backlog).toBeLessThan(rec.acceptance.median);
      // the demand above the limit is not lost: it waits at home, in the virtual queue
      expect(r.virtualQueue).toBeGreaterThan(1000);
    }
  });

  it("where letting the 1,000-1,200 a day in builds the reported pile", () => {
    // the old setting: no limit below the demand, so every truck that asks comes to the border
    const piles = simulate(null, 0, 4).map((r) => r.backlog);
    // (1,100 - 725) x 4 days: about 1,500 trucks; the replications spread by about 90 (the mean's
    // standard error about 30), so the mean clears 1,200 by several of them
    const mean = piles.reduce((a, b) => a + b, 0) / piles.length;
    expect(mean).toBeGreaterThan(1200);
    for (const p of piles) expect(p).toBeGreaterThan(rec.acceptance.median);
  });

  it("staffs the lanes by Erlang C first, then by the simulator", () => {
    for (const shift of rec.lanesPerShift) {
      expect(shift.erlang).toBeGreaterThanOrEqual(1);
      expect(shift.documentLanes).toBeGreaterThanOrEqual(shift.erlang);
    }
    expect(rec.sim.p90Wait).toBeLessThanOrEqual(60);
    expect(rec.slotsPerHour.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(rec.dailyLimit - 12);
  });
});
