/** The planners' workspace over HTTP: copy an example, change it, run both, compare with charts. */
import { afterAll, describe, expect, it } from "vitest";
import { testRuntime } from "../api/support.ts";
import { type Fetch, trySignIn } from "../officer/support.ts";
import { idIn, plannerSession } from "./support.ts";

const rt = testRuntime();
afterAll(() => rt.close());
const fetch: Fetch = async (path, init) => rt.app.request(path, init);

const planner = () => plannerSession(fetch);

async function until(check: () => Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the planners' workspace", () => {
  it("is for planners only", async () => {
    expect((await fetch("/planner", { redirect: "manual" })).status).toBe(303);
    const { cookie } = await trySignIn(fetch, "officer.nurzholy");
    expect((await fetch("/planner", { headers: { Cookie: cookie } })).status).toBe(403);
  });

  it("refuses a bad scenario with the field named, and saves nothing", async () => {
    const p = await planner();
    const example = rt.deps.db.prepare("SELECT id, body FROM scenarios WHERE example = 1 LIMIT 1").get() as {
      id: string;
      body: string;
    };
    const count = () => rt.deps.db.prepare("SELECT count(*) FROM scenarios").pluck().get();
    const before = count();
    const bad = { ...JSON.parse(example.body), hours: "many" };
    const res = await p.post(`/planner/scenarios/${example.id}`, { name: "Bad", body: JSON.stringify(bad) });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("hours:");
    expect((await p.post(`/planner/scenarios/${example.id}`, { name: "Bad", body: "{" })).status).toBe(422);
    expect(count()).toBe(before);
  });

  it("goes from an example to a comparison of two configurations, with charts", async () => {
    const p = await planner();
    const list = await (await p.get("/planner")).text();
    expect(list).toContain("Nur Zholy");
    const mmc = rt.deps.db.prepare("SELECT id, body FROM scenarios WHERE name LIKE 'M/M/c%'").get() as {
      id: string;
      body: string;
    };
    const small = { ...JSON.parse(mmc.body), hours: 300, warmupHours: 10 };
    const copy = await p.post(`/planner/scenarios/${mmc.id}`, {
      name: "Four lanes",
      body: JSON.stringify(small),
    });
    expect(copy.status).toBe(303);
    const five = { ...small, resources: { ...small.resources, documentLanes: 5 } };
    const changed = await p.post(`/planner/scenarios/${idIn(copy.headers.get("location"))}`, {
      name: "Five lanes",
      body: JSON.stringify(five),
    });
    const runIds: string[] = [];
    for (const scenario of [copy, changed]) {
      const run = await p.post(`/planner/scenarios/${idIn(scenario.headers.get("location"))}/runs`, {
        replications: "2",
      });
      expect(run.status).toBe(303);
      runIds.push(idIn(run.headers.get("location")));
    }
    for (const id of runIds) {
      await until(async () => (await (await p.get(`/planner/runs/${id}`)).text()).includes("Download JSON"));
    }
    const page = await (await p.get(`/planner/runs/${runIds[0]}`)).text();
    expect(page).toContain("95% CI");
    const chart = await p.get(`/planner/runs/${runIds[0]}/charts/stages.svg`);
    expect(chart.headers.get("content-type")).toBe("image/svg+xml");
    expect(await chart.text()).toMatch(/^<svg/);

    const compare = await (await p.get(`/planner/compare?run=${runIds[0]}&run=${runIds[1]}`)).text();
    expect(compare).toMatch(/Five lanes \(seed \d+\) (cuts|leaves) the p90 wait/);
    expect((await p.get(`/planner/compare/charts/wait.svg?run=${runIds[0]}&run=${runIds[1]}`)).status).toBe(
      200,
    );
    const jsonRes = await p.get(`/planner/runs/${runIds[1]}.json`);
    expect(jsonRes.headers.get("content-disposition")).toBe(`attachment; filename="run-${runIds[1]}.json"`);
    const json = (await jsonRes.json()) as {
      engineVersion: string;
      seed: number;
      scenarioFile: { seed: number };
    };
    expect(json.engineVersion).toBe("shekara-sim 2");
    expect(json.scenarioFile.seed).toBe(json.seed);

    const csvRes = await p.get(`/planner/runs/${runIds[1]}.csv`);
    expect(csvRes.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csvRes.headers.get("content-disposition")).toBe(`attachment; filename="run-${runIds[1]}.csv"`);
    const csv = await csvRes.text();
    expect(csv).toMatch(/^figure,value\nscenario,Five lanes\n/);
    expect(csv).toMatch(/\nwaitMinutes\.p90,[\d.]+\n/);
    expect(csv).toMatch(
      /\n\nhour,arrivals,completed,meanWaitMinutes,queueLength,exits,gateQueue,virtualQueue,inSystem\n\d+,/,
    );
    expect(csv).toMatch(/\nsteadyState,true\n/);
    expect((await p.get("/planner/runs/nosuchrun.csv")).status).toBe(404);
    // a chart's name is looked up among the charts, never among an object's own properties
    for (const name of ["constructor", "toString", "nosuch.svg"])
      expect((await p.get(`/planner/runs/${runIds[1]}/charts/${name}`)).status, name).toBe(404);
    expect((await p.get(`/planner/runs/${runIds[1]}/charts/wait.svg`)).status).toBe(200);

    // the list says when each scenario last ran
    const listed = await (await p.get("/planner")).text();
    expect(listed).toMatch(/Five lanes<\/a>[\s\S]*?<td>\d{4}-\d\d-\d\d \d\d:\d\d<\/td>/);
    expect(listed).toContain("<td>never</td>");
  }, 180_000);
});
