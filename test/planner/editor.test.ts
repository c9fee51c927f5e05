/** The scenario editor over HTTP: the form mirrors the schema, errors sit beside their fields, traces upload. */
import { afterAll, describe, expect, it } from "vitest";
import { formFromScenario } from "../../src/planner/scenario-form.ts";
import type { Scenario } from "../../src/sim/index.ts";
import { testRuntime } from "../api/support.ts";
import type { Fetch } from "../officer/support.ts";
import { finishedRun, idIn, plannerSession } from "./support.ts";

const rt = testRuntime();
afterAll(() => rt.close());
const fetch: Fetch = async (path, init) => rt.app.request(path, init);
const db = rt.deps.db;

const planner = () => plannerSession(fetch);

const example = (nameLike: string) => {
  const row = db
    .prepare("SELECT id, body FROM scenarios WHERE example = 1 AND name LIKE ?")
    .get(nameLike) as {
    id: string;
    body: string;
  };
  return { id: row.id, scenario: JSON.parse(row.body) as Scenario };
};
const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
const stored = (location: string | null) =>
  db.prepare("SELECT * FROM scenarios WHERE id = ?").get(location?.split("/").pop() ?? "") as {
    name: string;
    body: string;
    checkpoint_id: string | null;
    trace_id: string | null;
  };

describe("the scenario editor", () => {
  it("shows the scenario's fields, and saves a changed one as a copy", async () => {
    const p = await planner();
    const base = example("Nur Zholy (Khorgos) baseline%");
    const page = await (await p.get(`/planner/scenarios/${base.id}`)).text();
    expect(page).toContain('name="resources.scanners" value="2"');
    expect(page).toContain('name="serviceMinutes.physicalInspection.shape" value="3"');
    expect(page).toContain("Advanced: the scenario as JSON");
    // what the form has no inputs for (sources, holds at the scan and the bay...) travels in a hidden field
    expect(page).toContain('<input type="hidden" name="more"');

    const fields = { ...formFromScenario(base.scenario), name: "Three scanners", "resources.scanners": "3" };
    const res = await p.post(`/planner/scenarios/${base.id}`, fields);
    expect(res.status).toBe(303);
    const saved = stored(res.headers.get("location"));
    expect(saved.name).toBe("Three scanners");
    expect(saved.checkpoint_id).toBe("nur-zholy");
    expect(JSON.parse(saved.body)).toEqual({
      ...base.scenario,
      name: "Three scanners",
      resources: { ...base.scenario.resources, scanners: 3 },
    });
  });

  it("refuses a bad field with the error beside it and the input kept, and saves nothing", async () => {
    const p = await planner();
    const base = example("M/M/c%");
    const before = count("scenarios");
    const fields = { ...formFromScenario(base.scenario), hours: "many", "channels.green": "0.5" };
    const res = await p.post(`/planner/scenarios/${base.id}`, fields);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(
      /name="hours" value="many" inputmode="decimal" size="8" aria-invalid="true" aria-describedby="f-hours-error"/,
    );
    expect(html).toMatch(/<span class="error" id="f-hours-error">[^<]*expected number/);
    expect(html).toContain('<span class="error" id="f-channels-error">green + yellow + red must be 1</span>');
    expect(html).toContain("nothing was saved");
    const long = await p.post(`/planner/scenarios/${base.id}`, {
      ...formFromScenario(base.scenario),
      name: "x".repeat(121),
    });
    expect(await long.text()).toContain('id="f-name-error">at most 120 characters');
    expect(count("scenarios")).toBe(before);
  });

  it("answers htmx with the form alone: redrawn for a new kind, or refused in place", async () => {
    const p = await planner();
    const base = example("M/M/c%");
    const htmx = { "HX-Request": "true" };
    const fields = formFromScenario(base.scenario);
    const redrawn = await p.post(
      `/planner/scenarios/${base.id}`,
      { ...fields, "arrivals.kind": "booked", "serviceMinutes.scan.dist": "triangular", _action: "refresh" },
      htmx,
    );
    expect(redrawn.status).toBe(200);
    const fragment = await redrawn.text();
    expect(fragment).toMatch(/^<form id="editor"/);
    expect(fragment).toContain('name="arrivals.slotMinutes"');
    expect(fragment).toContain('name="serviceMinutes.scan.mode"');
    expect(fragment).not.toContain('class="error"');
    // the poisson rate and the exponential mean stay in the form, hidden, for a switch back
    expect(fragment).toContain('<input type="hidden" name="arrivals.perHour" value="20"/>');
    expect(fragment).toContain('<input type="hidden" name="serviceMinutes.scan.mean" value="10"/>');

    const refused = await p.post(
      `/planner/scenarios/${base.id}`,
      { ...fields, "arrivals.perHour": "-1" },
      htmx,
    );
    expect(refused.status).toBe(200);
    expect(await refused.text()).toMatch(/id="f-arrivals-perHour-error">[^<]*&gt;0/);

    const saved = await p.post(`/planner/scenarios/${base.id}`, fields, htmx);
    expect(saved.headers.get("HX-Redirect")).toMatch(/^\/planner\/scenarios\/[\w-]+$/);
  });

  it("starts from a seeded checkpoint's configuration", async () => {
    const p = await planner();
    const cp = rt.deps.checkpoints.get("nur-zholy");
    if (!cp) throw new Error("no seeded checkpoint");
    const list = await (await p.get("/planner")).text();
    expect(list).toContain('<option value="nur-zholy">');
    const picked = await p.get("/planner/checkpoints?checkpoint=nur-zholy");
    expect(picked.headers.get("location")).toBe("/planner/checkpoints/nur-zholy/scenario");
    const page = await (await p.get("/planner/checkpoints/nur-zholy/scenario")).text();
    expect(page).toContain(`name="resources.documentLanes" value="${cp.config.documentLanes}"`);
    expect(page).toContain(`name="arrivals.capacityPerSlot" value="${cp.config.slotCapacity}"`);
    expect(page).toContain(`name="neighbourAcceptsPerDay" value="${cp.config.dailyLimit}"`);
    const fields = csvFields(page);
    const res = await p.post("/planner/checkpoints/nur-zholy/scenario", fields);
    expect(res.status).toBe(303);
    const saved = stored(res.headers.get("location"));
    expect(saved.checkpoint_id).toBe("nur-zholy");
    expect(JSON.parse(saved.body).queueCycle).toEqual(cp.config.queueCycle);
  });

  it("keeps the JSON editor beside the form, checked by the same schema", async () => {
    const p = await planner();
    const base = example("M/M/c%");
    const res = await p.post(`/planner/scenarios/${base.id}`, {
      body: JSON.stringify({ ...base.scenario, seed: 1.5 }),
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("seed: Invalid input: expected int");
  });
});

describe("a trace uploaded in the editor", () => {
  const trace = "arrival,plate,channel\n0,01A,green\n5,01B,purple\n";
  const good =
    "arrival,plate,channel,priority,documentCheckMinutes\n0,01A,green,normal,10\n5,01B,green,normal,3\n";

  it("is refused with the bad row's line number, and nothing is written", async () => {
    const p = await planner();
    const base = example("Trace replay%");
    const before = [count("scenarios"), count("sim_traces")];
    const res = await p.upload(`/planner/scenarios/${base.id}`, formFromScenario(base.scenario), {
      name: "bad.csv",
      text: trace,
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(
      /id="f-arrivals-file-error">bad.csv: line 3: channel: expected green, yellow or red/,
    );
    // a good file with another field wrong is not kept, and the form says so beside the file
    const other = await p.upload(
      `/planner/scenarios/${base.id}`,
      { ...formFromScenario(base.scenario), hours: "0" },
      { name: "good.csv", text: good },
    );
    expect(other.status).toBe(422);
    expect(await other.text()).toContain(
      'id="f-arrivals-file-error">choose good.csv again: nothing was kept',
    );
    expect([count("scenarios"), count("sim_traces")]).toEqual(before);
  });

  it("is refused when too large, before it is read, and nothing is written", async () => {
    const p = await planner();
    const base = example("Trace replay%");
    const before = [count("scenarios"), count("sim_traces")];
    const big = `arrival,plate,channel\n${"0,01A,green\n".repeat(200_000)}`;
    const res = await p.upload(`/planner/scenarios/${base.id}`, formFromScenario(base.scenario), {
      name: "big.csv",
      text: big,
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("a trace CSV may be at most 2 MB");
    // htmx swaps only 2xx: it is told where the message goes
    const htmx = await p.upload(
      `/planner/scenarios/${base.id}`,
      {},
      { name: "big.csv", text: big },
      { "HX-Request": "true" },
    );
    expect(htmx.status).toBe(200);
    expect(htmx.headers.get("HX-Retarget")).toBe("#upload-refusal");
    expect([count("scenarios"), count("sim_traces")]).toEqual(before);
  });

  it("is stored with the scenario, kept by its copies, and replayed by its runs", async () => {
    const p = await planner();
    const base = example("Trace replay%");
    const res = await p.upload(
      `/planner/scenarios/${base.id}`,
      { ...formFromScenario(base.scenario), name: "Two trucks" },
      { name: "two.csv", text: good },
    );
    expect(res.status).toBe(303);
    const saved = stored(res.headers.get("location"));
    expect(JSON.parse(saved.body).arrivals).toEqual({ kind: "trace", file: "two.csv" });
    const traceRow = db
      .prepare("SELECT file, csv, row_count FROM sim_traces WHERE id = ?")
      .get(saved.trace_id);
    expect(traceRow).toEqual({ file: "two.csv", csv: good, row_count: 2 });

    // a copy without a new upload replays the same trace
    const id = res.headers.get("location")?.split("/").pop() ?? "";
    const copy = await p.upload(`/planner/scenarios/${id}`, {
      ...formFromScenario(JSON.parse(saved.body)),
      name: "Again",
    });
    expect(stored(copy.headers.get("location")).trace_id).toBe(saved.trace_id);

    const run = await p.post(`/planner/scenarios/${id}/runs`, { replications: "1" });
    const runId = idIn(run.headers.get("location"));
    const row = await finishedRun(db, runId);
    expect(row.error).toBeNull();
    expect(await (await p.get(`/planner/runs/${runId}`)).text()).toContain("Download the trace it replayed");
    const download = await p.get(`/planner/runs/${runId}/trace.csv`);
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="trace-${runId}.csv"`);
    expect(await download.text()).toBe(good);
    expect(JSON.parse(row.result ?? "{}").trucksArrived).toBe(2);
  });
});

/** The values a browser would send from the page's editor form (inputs, checked boxes, selected options). */
function csvFields(html: string): Record<string, string> {
  const formHtml = html.slice(
    html.indexOf('<form id="editor"'),
    html.indexOf("</form>", html.indexOf('<form id="editor"')),
  );
  const out: Record<string, string> = {};
  for (const m of formHtml.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1] ?? "";
    const name = /name="([^"]+)"/.exec(attrs)?.[1];
    if (!name || name === "_csrf" || /type="file"/.test(attrs)) continue;
    if (/type="checkbox"/.test(attrs) && !/checked/.test(attrs)) continue;
    out[name] = /value="([^"]*)"/.exec(attrs)?.[1] ?? (/type="checkbox"/.test(attrs) ? "on" : "");
  }
  for (const m of formHtml.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    out[m[1] ?? ""] = /<option value="([^"]*)" selected/.exec(m[2] ?? "")?.[1] ?? "";
  }
  return out;
}
