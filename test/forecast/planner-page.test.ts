/**
 * The planners' demand forecast page over HTTP, on a real SQLite file: the chart and its 80% band,
 * the backtest table per method and horizon, the page in four languages with no English left in the
 * other three, and "make a scenario from this forecast" giving a scenario the strict schema accepts
 * and the simulator runs.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DICTIONARIES, type Lang } from "../../src/i18n/index.ts";
import { formFromScenario } from "../../src/planner/scenario-form.ts";
import { parseScenario } from "../../src/sim/index.ts";
import { runReplication } from "../../src/sim/model.ts";
import { testRuntime } from "../api/support.ts";
import type { Fetch } from "../officer/support.ts";
import { plannerSession } from "../planner/support.ts";
import { seedNovemberHistory } from "./support.ts";

// the history is written straight in SQL (see card.test.ts), so the log's replay on closing is off
const rt = testRuntime({
  DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "shekara-forecast-")), "test.db"),
  VERIFY_LOG_ON_CLOSE: "off",
});
afterAll(() => rt.close());
const fetch: Fetch = async (path, init) => rt.app.request(path, init);
const PAGE = "/planner/forecasts/nur-zholy/export";

beforeAll(() => {
  // four months of 1,000-1,200 trucks a day, half of them export
  seedNovemberHistory(rt.deps.db, rt.deps.now());
});

const unescapeHtml = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The words a reader sees: no tags, no language switch (each language's own name is in it). */
const visibleText = (html: string) =>
  unescapeHtml(
    html
      .replace(/<nav class="lang">[\s\S]*?<\/nav>/, " ")
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, " ")
      .replace(/<[^>]+>/g, " "),
  );

/** The English dictionary's sentences of this page that `lang` words differently. */
function englishSentences(lang: Lang): string[] {
  const en = DICTIONARIES.en as Record<string, string>;
  const other = DICTIONARIES[lang] as Record<string, string>;
  return Object.keys(en)
    .filter((k) => k.startsWith("fc.") && en[k] !== other[k])
    .flatMap((k) => (en[k] ?? "").split(/\{\w+\}/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 6);
}

describe("the planners' demand forecast page", () => {
  it("shows the forecast chart with its band and the backtest per method and horizon", async () => {
    const p = await plannerSession(fetch);
    const list = await p.get("/planner/forecasts?lang=en");
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(`href="${PAGE}?lang=en"`);
    expect(await (await p.get("/planner")).text()).toContain('href="/planner/forecasts"');

    const res = await p.get(`${PAGE}?lang=en`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Demand forecast: Nur Zholy (Khorgos), export");
    expect(html).toContain(`src="${PAGE}/charts/forecast.svg?lang=en"`);
    expect(html).toMatch(/\d+ weekly origins/);
    // three methods, each with all horizons, 1, 7 and 14
    const table = /<table id="backtest">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
    for (const name of ["seasonal naive", "MSTL + ETS", "negative-binomial regression"])
      expect(table).toContain(name);
    expect(table.match(/<tr/g)?.length).toBe(1 + 3 * 4);
    expect(table).toContain("(chosen)");
    expect(html).toMatch(/Chosen: .+, the best MASE|No method beat the seasonal naive/);
    // 14 days ahead, each with its interval around the mean
    const days = [
      ...html.matchAll(/<tr><td>(\d{4}-\d\d-\d\d)[^<]*<\/td><td>(\d+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td>/g),
    ];
    expect(days).toHaveLength(14);
    for (const [, , mean, lo, hi] of days) {
      expect(Number(lo)).toBeLessThanOrEqual(Number(mean));
      expect(Number(mean)).toBeLessThanOrEqual(Number(hi));
    }

    for (const chart of ["forecast.svg", "backtest.svg"]) {
      const svg = await p.get(`${PAGE}/charts/${chart}?lang=en`);
      expect(svg.status).toBe(200);
      expect(svg.headers.get("content-type")).toBe("image/svg+xml");
      expect(await svg.text()).toContain("<svg");
    }
    expect(await (await p.get(`${PAGE}/charts/forecast.svg?lang=en`)).text()).toContain("80% interval");
  }, 240_000);

  for (const lang of ["ru", "kk", "zh"] as const)
    it(`reads no English in ${lang}, the charts included`, async () => {
      const p = await plannerSession(fetch);
      const english = englishSentences(lang);
      expect(english.length).toBeGreaterThan(30);
      // the search is not vacuous: the English page has these sentences
      const inEnglish = visibleText(await (await p.get(`${PAGE}?lang=en`)).text());
      expect(english.filter((s) => inEnglish.includes(s)).length).toBeGreaterThan(12);
      for (const path of ["/planner/forecasts", PAGE]) {
        const html = await (await p.get(`${path}?lang=${lang}`)).text();
        expect(html).toContain(`<html lang="${lang}">`);
        const text = visibleText(html);
        for (const s of english) expect(text, `${path} in ${lang}`).not.toContain(s);
        // no Latin word at all but the brand and the measures' names
        const latin = (text.match(/[A-Za-z]{3,}/g) ?? []).filter(
          (w) => !["Shekara", "MASE", "MAPE", "MSTL", "ETS"].includes(w),
        );
        expect(latin, `${path} in ${lang}`).toEqual([]);
      }
      const chart = await (await p.get(`${PAGE}/charts/forecast.svg?lang=${lang}`)).text();
      expect(chart).toContain(DICTIONARIES[lang]["fc.interval"]);
      expect(chart).not.toContain("80% interval");
      const backtest = await (await p.get(`${PAGE}/charts/backtest.svg?lang=${lang}`)).text();
      expect(backtest).toContain(DICTIONARIES[lang]["fc.m.negativeBinomial"]);
    }, 240_000);

  it("says plainly when a checkpoint has too little demand, and refuses an unknown direction", async () => {
    const p = await plannerSession(fetch);
    const none = await p.get("/planner/forecasts/bakhty/import?lang=en");
    expect(none.status).toBe(422);
    expect(await none.text()).toContain("0 day(s) of recorded demand; a forecast needs at least 28.");
    expect((await p.get("/planner/forecasts/nur-zholy/sideways")).status).toBe(404);
    expect((await p.get("/planner/forecasts/nowhere/export")).status).toBe(404);
    expect((await p.get("/planner/forecasts/bakhty/import/scenario")).status).toBe(404);
  });

  it("makes a scenario from the forecast that the schema accepts, the editor saves and the simulator runs", async () => {
    const p = await plannerSession(fetch);
    const editor = await p.get(`${PAGE}/scenario`);
    expect(editor.status).toBe(200);
    const html = await editor.text();
    expect(html).toContain('action="/planner/checkpoints/nur-zholy/scenario"');
    const json = unescapeHtml(/<textarea name="body"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1] ?? "");
    const parsed = parseScenario(JSON.parse(json));
    if (!parsed.ok) throw new Error(parsed.message);
    const scenario = parsed.scenario;
    expect(scenario.arrivals.kind).toBe("profile");
    expect(scenario.schedule).toHaveLength(14);
    expect(scenario.hours).toBe(14 * 24);

    // saved through the form's fields, as the editor's Save button sends them
    const saved = await p.post("/planner/checkpoints/nur-zholy/scenario", formFromScenario(scenario));
    expect(saved.status).toBe(303);
    const id = saved.headers.get("location")?.split("/").pop() ?? "";
    const row = rt.deps.db.prepare("SELECT body, checkpoint_id FROM scenarios WHERE id = ?").get(id) as {
      body: string;
      checkpoint_id: string;
    };
    expect(row.checkpoint_id).toBe("nur-zholy");
    const stored = parseScenario(JSON.parse(row.body));
    if (!stored.ok) throw new Error(stored.message);
    expect(stored.scenario.schedule).toEqual(scenario.schedule);

    // the simulator's arrivals are the forecast's: the 14 days' means, within the Poisson count's spread
    const perHour = scenario.arrivals.kind === "profile" ? scenario.arrivals.perHour : [];
    const level = perHour.reduce((a, b) => a + b, 0);
    const expected = (scenario.schedule ?? []).reduce((a, d) => a + level * (d.arrivalFactor ?? 1), 0);
    const r = runReplication(stored.scenario, 1);
    expect(Math.abs(r.trucksArrived - expected)).toBeLessThan(5 * Math.sqrt(expected));
    expect(r.trucksCompleted).toBeGreaterThan(0);
  }, 240_000);
});
