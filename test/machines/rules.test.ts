import { describe, expect, it } from "vitest";
import { applyEvent, type CrossingEvent, type PersistedCrossing } from "../../machines/index.ts";
import { crossingIn, declared, goodEvent, MIN, step, T0 } from "./fixtures.ts";

const attempt = (c: PersistedCrossing, event: CrossingEvent) => applyEvent(c, event);
const reasonOf = (r: ReturnType<typeof applyEvent>) => (r.ok ? null : r.reason);

describe("the rules of a crossing", () => {
  it("a green truck may be released after the document check", () => {
    const atCheck = crossingIn("documentCheck", "green");
    expect(reasonOf(attempt(atCheck, goodEvent("RELEASE", atCheck)))).toBe(
      "cannot release: the document check is not complete",
    );
    const checked = step(atCheck, "RECORD_DOCUMENT_CHECK");
    expect(attempt(checked, goodEvent("RELEASE", checked)).ok).toBe(true);
  });

  it("a yellow truck must pass the scan", () => {
    const checked = step(crossingIn("documentCheck", "yellow"), "RECORD_DOCUMENT_CHECK");
    expect(reasonOf(attempt(checked, goodEvent("RELEASE", checked)))).toBe(
      "cannot release: this truck must pass the scan",
    );
    const scanned = step(step(checked, "SEND_TO_SCAN"), "RECORD_SCAN");
    expect(attempt(scanned, goodEvent("RELEASE", scanned)).ok).toBe(true);
    const suspicious = step(step(checked, "SEND_TO_SCAN"), "RECORD_SCAN", {
      result: "suspicious",
    } as Partial<CrossingEvent>);
    expect(reasonOf(attempt(suspicious, goodEvent("RELEASE", suspicious)))).toMatch(
      /send to physical inspection/,
    );
  });

  it("a red truck must pass the physical inspection, even after a clear scan", () => {
    const checked = step(crossingIn("documentCheck", "red"), "RECORD_DOCUMENT_CHECK");
    expect(reasonOf(attempt(checked, goodEvent("RELEASE", checked)))).toMatch(/physical inspection/);
    const scanned = step(step(checked, "SEND_TO_SCAN"), "RECORD_SCAN");
    expect(reasonOf(attempt(scanned, goodEvent("RELEASE", scanned)))).toBe(
      "cannot release: this truck must pass the physical inspection",
    );
    const inspecting = step(scanned, "SEND_TO_INSPECTION");
    expect(reasonOf(attempt(inspecting, goodEvent("RELEASE", inspecting)))).toBe(
      "cannot release: the physical inspection is not complete",
    );
    const failed = step(inspecting, "RECORD_INSPECTION", { result: "failed" } as Partial<CrossingEvent>);
    expect(reasonOf(attempt(failed, goodEvent("RELEASE", failed)))).toMatch(/failed/);
    const passed = step(inspecting, "RECORD_INSPECTION");
    expect(attempt(passed, goodEvent("RELEASE", passed)).ok).toBe(true);
  });

  it("nobody is refused without a reason code", () => {
    const c = crossingIn("documentCheck");
    expect(reasonOf(attempt(c, { ...goodEvent("REFUSE", c), reasonCode: "  " } as CrossingEvent))).toBe(
      "a refusal needs a reason code",
    );
    const refused = step(c, "REFUSE");
    expect(refused.context.reasonCode).toBe("DOCS-FORGED");
  });

  it("a hold needs the documents requested, and resumes where it stopped", () => {
    const scan = crossingIn("scan");
    expect(reasonOf(attempt(scan, { ...goodEvent("HOLD", scan), documents: "" } as CrossingEvent))).toMatch(
      /documents/,
    );
    const held = step(scan, "HOLD");
    expect(held.context.holdFrom).toBe("scan");
    expect(step(held, "RESUME").state).toBe("scan");
  });

  it("a truck held at its document check resumes on a lane that is open and free", () => {
    const held = step(crossingIn("documentCheck"), "HOLD");
    const resume = (facts: object) => ({ ...goodEvent("RESUME", held), ...facts }) as CrossingEvent;
    // its own lane taken meanwhile: refused, said why
    expect(reasonOf(attempt(held, resume({ lane: 3, lanesOpen: 4, lanesBusy: [3] })))).toBe(
      "lane 3 is not free",
    );
    expect(reasonOf(attempt(held, resume({ lane: 5, lanesOpen: 4, lanesBusy: [] })))).toMatch(/not open/);
    expect(reasonOf(attempt(held, resume({ lanesOpen: 2, lanesBusy: [1, 2] })))).toMatch(
      /every lane is busy/,
    );
    const back = step(held, "RESUME");
    expect(back.state).toBe("documentCheck");
    const moved = attempt(held, resume({ lane: 1, lanesOpen: 4, lanesBusy: [3] }));
    expect(moved.ok && moved.crossing.state).toBe("documentCheck");
    expect(moved.ok && moved.crossing.context.lane).toBe(1);
    // a log written before the lanes were said: back to the lane it had
    expect(back.context.lane).toBe(held.context.lane);
  });

  it("a walk-in without a booking is allowed only when the checkpoint says so", () => {
    const c = declared();
    const closed = {
      ...goodEvent("CHECK_IN", c),
      policy: { walkInsAllowed: false, graceMinutes: 60 },
    } as CrossingEvent;
    expect(reasonOf(attempt(c, closed))).toMatch(/does not take walk-ins/);
    const walkIn = step(c, "CHECK_IN");
    expect(walkIn.context.walkIn).toBe(true);
  });

  it("a booked truck checks in late within the grace window, not after it", () => {
    const booked = crossingIn("booked");
    const slotEnd = booked.context.slot?.end as number;
    const late = (minutes: number) =>
      ({
        ...goodEvent("CHECK_IN", booked),
        at: slotEnd + minutes * MIN,
        policy: { walkInsAllowed: false, graceMinutes: 30 },
      }) as CrossingEvent;
    expect(attempt(booked, late(29)).ok).toBe(true);
    expect(reasonOf(attempt(booked, late(31)))).toBe(
      "the booking has lapsed: the truck arrived 31 min after its slot ended and the grace window is 30 min",
    );
  });

  it("a called truck that misses its deadline returns to the queue once; the second miss expires it", () => {
    const called = crossingIn("called");
    expect(
      reasonOf(
        attempt(called, {
          ...goodEvent("MISS_CALL", called),
          at: called.context.history.at(-1)?.at,
        } as CrossingEvent),
      ),
    ).toBe("the truck still has time to reach its lane");
    const back = step(called, "MISS_CALL");
    expect(back.state).toBe("waitingArea");
    expect(back.context.missedCalls).toBe(1);
    const expired = step(step(back, "CALL"), "MISS_CALL");
    expect(expired.state).toBe("expired");
  });

  it("only a supervisor moves a truck forward, and only with a reason", () => {
    const waiting = crossingIn("waitingArea");
    const byOfficer = {
      ...goodEvent("PRIORITISE", waiting),
      actor: { kind: "officer", id: "o1" },
    } as CrossingEvent;
    expect(reasonOf(attempt(waiting, byOfficer))).toBe("only a supervisor may move a truck forward");
    expect(
      reasonOf(attempt(waiting, { ...goodEvent("PRIORITISE", waiting), reason: " " } as CrossingEvent)),
    ).toBe("moving a truck forward needs a reason");
    expect(step(waiting, "PRIORITISE").context.promotionReason).toMatch(/cooling/);
  });

  it("moves a truck forward once: a second move is refused, and version 1's logs still replay theirs", () => {
    const promoted = step(crossingIn("waitingArea"), "PRIORITISE");
    const again = { ...goodEvent("PRIORITISE", promoted), reason: "again" } as CrossingEvent;
    expect(reasonOf(attempt(promoted, again))).toBe("the truck has already been moved forward");
    const underVersion1 = applyEvent(promoted, again, 1);
    expect(underVersion1.ok && underVersion1.crossing.context.promotionReason).toBe("again");
  });

  it("calls a truck only to a lane that is open and not busy, as the checkpoint says on the event", () => {
    const waiting = crossingIn("waitingArea");
    const call = (lane: number, lanesBusy: number[]) =>
      ({ ...goodEvent("CALL", waiting), lane, lanesOpen: 3, lanesBusy }) as CrossingEvent;
    expect(reasonOf(attempt(waiting, call(4, [])))).toBe("lane 4 is not open: 3 lanes are open");
    expect(reasonOf(attempt(waiting, call(2, [1, 2])))).toBe("lane 2 is not free");
    expect(attempt(waiting, call(3, [1, 2])).ok).toBe(true);
  });

  it("the unmanned lane releases nobody while it is out of service", () => {
    const green = crossingIn("waitingArea", "green");
    const event = { ...goodEvent("UNMANNED_RELEASE", green), laneInService: false } as CrossingEvent;
    expect(reasonOf(attempt(green, event))).toBe(
      "the unmanned green lane is not in service at this checkpoint",
    );
  });

  it("the unmanned lane takes complete green declarations whose plate the camera reads", () => {
    const yellow = crossingIn("waitingArea", "yellow");
    expect(reasonOf(attempt(yellow, goodEvent("UNMANNED_RELEASE", yellow)))).toMatch(/green-channel/);
    const incomplete = step(step(declared("green", false), "BOOK"), "CHECK_IN");
    expect(reasonOf(attempt(incomplete, goodEvent("UNMANNED_RELEASE", incomplete)))).toMatch(/not complete/);
    const green = crossingIn("waitingArea", "green");
    expect(
      reasonOf(
        attempt(green, { ...goodEvent("UNMANNED_RELEASE", green), plateRead: "999XYZ01" } as CrossingEvent),
      ),
    ).toMatch(/does not match/);
    const released = step(green, "UNMANNED_RELEASE", { plateRead: "123 abc-02" } as Partial<CrossingEvent>);
    expect(released.context.releasedBy).toBe("unmanned");
  });

  it("a slot that is already over cannot be booked", () => {
    const c = declared();
    const past = {
      ...goodEvent("BOOK", c),
      slot: { start: T0 - 120 * MIN, end: T0 },
    } as CrossingEvent;
    expect(reasonOf(attempt(c, past))).toBe("that slot is already over");
  });

  it("records when each state was entered: the Time Release Study stages", () => {
    const released = crossingIn("released");
    expect(released.context.history.map((h) => h.state)).toEqual([
      "declared",
      "booked",
      "waitingArea",
      "called",
      "documentCheck",
      "released",
    ]);
    const times = released.context.history.map((h) => h.at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});
