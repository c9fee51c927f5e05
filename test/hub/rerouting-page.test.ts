/** The booking page says when another crossing on the same border has places and this one has none. */
import { describe, expect, it } from "vitest";
import { declaration, testRuntime } from "../api/support.ts";

describe("re-routing advice on the booking page", () => {
  it("names Bakhty when Nur Zholy is full for the next 24 hours, from the hub's figures", async () => {
    const rt = testRuntime();
    try {
      const cp = rt.deps.checkpoints.get("nur-zholy");
      if (!cp) throw new Error("no nur-zholy");
      // one truck a day: two bookings fill today and tomorrow, so the next 24 hours have no place
      rt.deps.checkpoints.updateConfig(cp.id, { ...cp.config, dailyLimit: 1 }, rt.deps.now());
      const declare = async (plate: string) => {
        const res = await rt.app.request("/api/v1/crossings", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(declaration(plate, "nur-zholy")),
        });
        return ((await res.json()) as { id: string }).id;
      };
      for (const plate of ["100AAA02", "200AAA02"]) {
        const res = await rt.app.request(`/api/v1/crossings/${await declare(plate)}/booking`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ firstAvailable: true }),
        });
        expect(res.status).toBe(201);
      }
      const waiting = await declare("300AAA02");
      const page = async () => (await rt.app.request(`/c/${waiting}?lang=en`)).text();
      expect(await page()).not.toContain("No free place at this crossing");
      rt.deps.nationalFigures = () => [
        {
          checkpointId: "bakhty",
          name: "Bakhty",
          names: { ru: "Бахты", kk: "Бақты", zh: "巴克图" },
          neighbour: "CN",
          stale: false,
          freePlacesNext24h: 80,
        },
        { checkpointId: "korday", name: "Korday", neighbour: "KG", stale: false, freePlacesNext24h: 900 },
      ];
      // a write turns the page cache over, as the hub's next figures do within the minute
      await declare("400AAA02");
      const html = await page();
      expect(html).toContain(
        "No free place at this crossing in the next 24 hours. Bakhty on the same border has 80 free places.",
      );
      // the other crossing is named in the driver's language, as its post sent the names to the hub
      const inLang = async (lang: string) => (await rt.app.request(`/c/${waiting}?lang=${lang}`)).text();
      expect(await inLang("ru")).toContain("На пункте Бахты на той же границе свободно мест: 80.");
      expect(await inLang("zh")).toContain("同一边境的巴克图口岸有80个空位。");
    } finally {
      await rt.close();
    }
  });
});
