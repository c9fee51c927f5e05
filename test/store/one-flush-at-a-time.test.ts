import { describe, expect, it } from "vitest";
import { oneFlushAtATime } from "../../src/store/one-flush-at-a-time.ts";

/** A flush whose end the test decides, counting how many were started. */
function controlledFlush() {
  const ends: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const flush = () =>
    new Promise<void>((resolve, reject) => {
      ends.push({ resolve, reject });
    });
  return { flush, ends };
}
const settled = () => new Promise((r) => setImmediate(r));

describe("the log's flushes, one at a time", () => {
  it("makes the commits that ask while one flush runs share the next, started once it ends", async () => {
    const { flush, ends } = controlledFlush();
    const flushLog = oneFlushAtATime(flush);
    const order: string[] = [];
    const first = flushLog().then(() => order.push("first"));
    // three groups commit while the first flush runs: it may have started before their commits
    const later = [flushLog(), flushLog(), flushLog()].map((p, i) => p.then(() => order.push(`later ${i}`)));
    expect(ends).toHaveLength(1);
    await settled();
    expect(order).toEqual([]);
    ends[0]?.resolve();
    await first;
    await settled();
    // the next flush has started, and none of the later commits is answered before it ends
    expect(ends).toHaveLength(2);
    expect(order).toEqual(["first"]);
    ends[1]?.resolve();
    await Promise.all(later);
    expect(order).toEqual(["first", "later 0", "later 1", "later 2"]);
    // nothing running: a new commit's flush starts at once
    const alone = flushLog();
    expect(ends).toHaveLength(3);
    ends[2]?.resolve();
    await alone;
  });

  it("gives a failed flush's error to its own callers only, and flushes again for the next", async () => {
    const { flush, ends } = controlledFlush();
    const flushLog = oneFlushAtATime(flush);
    const first = flushLog();
    const second = flushLog();
    ends[0]?.reject(new Error("disk gone"));
    await expect(first).rejects.toThrow("disk gone");
    await settled();
    expect(ends).toHaveLength(2);
    ends[1]?.resolve();
    await expect(second).resolves.toBeUndefined();
  });
});
