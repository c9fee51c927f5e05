/** The planners' sweeps over HTTP: the form beside the editor, a refusal, progress, table, chart, downloads. */
import { afterAll, describe, expect, it } from "vitest";
import { runReplication, type Scenario } from "../../src/sim/index.ts";
import { outcomeOf, planSweep, sweepCsv, sweepReport } from "../../src/sweep/index.ts";
import { testRuntime } from "../api/support.ts";
import type { Fetch } from "../officer/support.ts";
import { idIn, plannerSession } from "./support.ts";

const rt = testRuntime();
afterAll(() => rt.close());
const fetch: Fetch = async (path, init) => rt.app.request(path, init);

const mmc = () =>
  rt.deps.db.prepare("SELECT id, body FROM scenarios WHERE name LIKE 'M/M/c%'").get() as {
    id: string;
    body: string;
  };

async function finished(id: string, ms = 120_000) {
  const end = Date.now() + ms;
  for (;;) {
    const row = rt.deps.db
      .prepare("SELECT status, report, error FROM planner_sweeps WHERE id = ?")
      .get(id) as {
      status: string;
      report: string | null;
      error: string | null;
    };
    if (row.status !== "queued" && row.status !== "running") return row;
    if (Date.now() > end) throw new Error(`sweep ${id} did not finish`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("a planner's sweep", () => {
  it("is offered beside the scenario editor, with the scenario's numbers to vary", async () => {
    const p = await plannerSession(fetch);
    const page = await (await p.get(`/planner/scenarios/${mmc().id}`)).text();
    expect(page).toContain(`action="/planner/scenarios/${mmc().id}/sweeps"`);
    expect(page).toMatch(/<option value="resources.documentLanes"[^>]*>resources.documentLanes</);
    expect(page).not.toMatch(/<option value="seed"/);
  });

  it("refuses a bad range or field with 422, naming it, and queues nothing", async () => {
    const p = await plannerSession(fetch);
    const count = () => rt.deps.db.prepare("SELECT count(*) FROM planner_sweeps").pluck().get();
    const before = count();
    const path = `/planner/scenarios/${mmc().id}/sweeps`;
    const empty = await p.post(path, {
      field0: "resources.documentLanes",
      range0: "8..4",
      replications: "2",
    });
    expect(empty.status).toBe(422);
    const text = await empty.text();
    expect(text).toContain("resources.documentLanes=8..4: empty range");
    expect(text).toContain('value="8..4"'); // the planner's input is kept
    const refused = await p.post(path, { field0: "resources.documentLanes", range0: "0..2" });
    expect(await refused.text()).toContain("refuses resources.documentLanes=0");
    const unknown = await p.post(path, { field0: "resources.ramps", range0: "1..2" });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain("unknown field resources.ramps");
    const many = await p.post(path, {
      field0: "resources.documentLanes",
      range0: "1..100",
      replications: "100",
    });
    expect(await many.text()).toContain("npm run sweep");
    expect(count()).toBe(before);
  });

  it("runs on the server, then shows the table, the chart and the downloads, as the command line reports", async () => {
    const p = await plannerSession(fetch);
    const s = mmc();
    const res = await p.post(`/planner/scenarios/${s.id}/sweeps`, {
      field0: "resources.documentLanes",
      range0: "4..5",
      field1: "hours",
      range1: "60,70",
      replications: "2",
      targetWait: "30",
    });
    expect(res.status).toBe(303);
    const id = idIn(res.headers.get("location"));
    const live = await (await p.get(`/planner/sweeps/${id}`)).text();
    expect(live).toMatch(/queued|running|done/);
    const row = await finished(id);
    expect(row.error).toBeNull();

    const page = await (await p.get(`/planner/sweeps/${id}`)).text();
    expect(page).toContain('id="sweep-table"');
    expect(page).toContain(`/planner/sweeps/${id}/wait.svg`);
    const chart = await p.get(`/planner/sweeps/${id}/wait.svg`);
    expect(chart.headers.get("content-type")).toBe("image/svg+xml");
    expect(await chart.text()).toMatch(/^<svg[\s\S]*95% interval/);

    // the same report as the pure sweep of the same scenario and flags
    const base = JSON.parse(s.body) as Scenario;
    const plan = planSweep(base, ["resources.documentLanes=4..5", "hours=60,70"], 2, 30);
    if (!plan.ok) throw new Error(plan.message);
    const outcomes = plan.value.combinations.map((c) =>
      [0, 1].map((i) => outcomeOf(runReplication(c.scenario, c.scenario.seed + i))),
    );
    const expected = sweepReport(plan.value.input, outcomes);
    const json = (await (await p.get(`/planner/sweeps/${id}.json`)).json()) as Record<string, unknown>;
    const { wallSeconds, scenarioFile, ...report } = json;
    expect(report).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(scenarioFile).toMatchObject({ name: base.name });
    const csv = await p.get(`/planner/sweeps/${id}.csv`);
    expect(csv.headers.get("content-disposition")).toContain(`sweep-${id}.csv`);
    expect(await csv.text()).toBe(sweepCsv(expected));
  }, 180_000);

  it("answers 404 for a sweep that does not exist", async () => {
    const p = await plannerSession(fetch);
    expect((await p.get("/planner/sweeps/nope")).status).toBe(404);
    expect((await p.get("/planner/sweeps/nope.csv")).status).toBe(404);
    expect((await p.get("/planner/sweeps/nope/wait.svg")).status).toBe(404);
  });
});
