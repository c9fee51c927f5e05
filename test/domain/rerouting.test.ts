import { describe, expect, it } from "vitest";
import { adviceName, type CrossingFigures, reroutingAdvice } from "../../src/domain/rerouting.ts";

const row = (
  checkpointId: string,
  neighbour: string,
  free: number | null,
  stale = false,
): CrossingFigures => ({
  checkpointId,
  name: checkpointId,
  neighbour,
  stale,
  freePlacesNext24h: free,
});
const national = [
  row("nur-zholy", "CN", 0),
  row("kalzhat", "CN", 40),
  row("bakhty", "CN", 120),
  row("dostyk", "CN", 500, true),
  row("korday", "KG", 900),
];

describe("re-routing advice", () => {
  it("names the crossing on the same border with the most free places when this one has none for 24 hours", () => {
    expect(
      reroutingAdvice({ checkpointId: "nur-zholy", neighbour: "CN", freePlacesNext24h: 0 }, national),
    ).toEqual({ checkpoint: "bakhty", names: null, places: 120 });
  });

  it("names the other crossing in the driver's language when its post sent the names, in English otherwise", () => {
    const named = national.map((r) =>
      r.checkpointId === "bakhty"
        ? { ...r, name: "Bakhty", names: { ru: "Бахты", kk: "Бақты", zh: "巴克图" } }
        : r,
    );
    const advice = reroutingAdvice(
      { checkpointId: "nur-zholy", neighbour: "CN", freePlacesNext24h: 0 },
      named,
    );
    if (!advice) throw new Error("no advice");
    expect(["en", "ru", "kk", "zh"].map((l) => adviceName(advice, l as "en"))).toEqual([
      "Bakhty",
      "Бахты",
      "Бақты",
      "巴克图",
    ]);
    expect(adviceName({ checkpoint: "Kalzhat", names: null, places: 1 }, "zh")).toBe("Kalzhat");
  });

  it("says nothing while this crossing still has a place", () => {
    expect(
      reroutingAdvice({ checkpointId: "nur-zholy", neighbour: "CN", freePlacesNext24h: 1 }, national),
    ).toBeNull();
  });

  it("never sends a driver to another border or to a post that has gone quiet", () => {
    expect(
      reroutingAdvice({ checkpointId: "nur-zholy", neighbour: "CN", freePlacesNext24h: 0 }, [
        row("korday", "KG", 900),
        row("dostyk", "CN", 500, true),
        row("kalzhat", "CN", null),
      ]),
    ).toBeNull();
  });
});
