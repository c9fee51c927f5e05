import { describe, expect, it } from "vitest";
import { localDayStart, zoneOffsetMs } from "../../src/domain/slots.ts";

const HOUR = 3_600_000;

describe("a zone's offset from UTC", () => {
  it("is right on both sides of a daylight-saving change, to the second, however often it is asked", () => {
    const change = Date.UTC(2026, 2, 29, 1); // Berlin moves from +1 to +2 at 01:00 UTC
    for (let round = 0; round < 2; round++) {
      expect(zoneOffsetMs(change - 1000, "Europe/Berlin")).toBe(HOUR);
      expect(zoneOffsetMs(change, "Europe/Berlin")).toBe(2 * HOUR);
      expect(zoneOffsetMs(change + 899_999, "Europe/Berlin")).toBe(2 * HOUR);
    }
  });

  it("knows zones a quarter or half an hour off the hour, and Kazakhstan's", () => {
    const at = Date.UTC(2026, 10, 25, 9, 7, 30);
    expect(zoneOffsetMs(at, "Asia/Kathmandu")).toBe(5.75 * HOUR);
    expect(zoneOffsetMs(at, "Asia/Kolkata")).toBe(5.5 * HOUR);
    expect(zoneOffsetMs(at, "Asia/Almaty")).toBe(5 * HOUR);
    expect(localDayStart(at, "Asia/Almaty")).toBe(Date.UTC(2026, 10, 24, 19));
  });
});
