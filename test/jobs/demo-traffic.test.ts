/**
 * The demo shift on a real database with the test's own clock: trucks arrive, are called by the
 * queue discipline, go through their channel's stages and leave, all through the machine.
 */
import { describe, expect, it } from "vitest";
import { replay } from "../../machines/apply.ts";
import { seededRandom } from "../../src/domain/random.ts";
import { demoShift } from "../../src/jobs/demo-traffic.ts";
import { testRuntime } from "../api/support.ts";

const MINUTE = 60_000;

describe("the demo shift", () => {
  it("keeps trucks moving through every stage, each step accepted by the machine", () => {
    const rt = testRuntime();
    let at = Date.UTC(2026, 10, 25, 4); // 09:00 in Almaty: the checkpoints are open
    const tick = demoShift(rt.deps, seededRandom(7));
    for (let i = 0; i < 200; i++) {
      tick(at);
      at += 2 * MINUTE;
    }
    const states = rt.deps.db.prepare("SELECT state, count(*) AS n FROM crossings GROUP BY state").all() as {
      state: string;
      n: number;
    }[];
    const count = Object.fromEntries(states.map((s) => [s.state, s.n]));
    expect(count.released ?? 0).toBeGreaterThan(50);
    expect(Object.keys(count)).toEqual(expect.arrayContaining(["waitingArea", "released"]));

    // each lane holds at most one truck at a time
    const busy = rt.deps.db
      .prepare(
        "SELECT checkpoint_id, lane, count(*) AS n FROM crossings WHERE state IN ('called', 'documentCheck') GROUP BY 1, 2",
      )
      .all() as { n: number }[];
    for (const lane of busy) expect(lane.n).toBe(1);

    // the log replays to every stored snapshot: nothing was written around the machine
    const ids = rt.deps.db.prepare("SELECT id FROM crossings").pluck().all() as string[];
    for (const id of ids.slice(0, 100)) {
      const stored = rt.deps.crossings.get(id);
      const [first, ...rest] = rt.deps.crossings.events(id);
      if (!stored || !first) throw new Error("missing crossing");
      const replayed = replay(
        JSON.parse(first.payload),
        rest.map((e) => JSON.parse(e.payload)),
      );
      expect(replayed).toEqual(stored.crossing);
    }
    rt.close();
  });
});
