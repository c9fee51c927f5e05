/** Replay recorded traffic over HTTP: a checkpoint's recorded crossings against changed resources. */
import { afterAll, describe, expect, it } from "vitest";
import { dayStartOfDate } from "../../src/domain/slots.ts";
import { recordedTrace } from "../../src/store/trace-export.ts";
import { localDateTime } from "../../views/local-time.ts";
import { testRuntime } from "../api/support.ts";
import type { Fetch } from "../officer/support.ts";
import { finishedRun, idIn, plannerSession } from "./support.ts";

const rt = testRuntime({ SEED_DEMO_TRAFFIC: "on" });
afterAll(() => rt.close());
const fetch: Fetch = async (path, init) => rt.app.request(path, init);
const db = rt.deps.db;
const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

async function planner() {
  const p = await plannerSession(fetch);
  return {
    get: p.get,
    post: (fields: Record<string, string>, headers?: Record<string, string>) =>
      p.post("/planner/replay", fields, headers),
  };
}

const zone = "Asia/Almaty";
const day = (ms: number) => localDateTime(ms, zone).slice(0, 10);
const today = day(rt.deps.now());
const yesterday = day(rt.deps.now() - 86_400_000);

describe("replaying recorded traffic", () => {
  it("queues a run of the period's recorded trucks against the checkpoint with one more scanner", async () => {
    const p = await planner();
    const page = await (await p.get("/planner/replay")).text();
    expect(page).toContain('<option value="nur-zholy"');
    const cp = rt.deps.checkpoints.get("nur-zholy");
    if (!cp) throw new Error("no seeded checkpoint");
    const from = dayStartOfDate(yesterday, zone) ?? 0;
    const to = dayStartOfDate(day(rt.deps.now() + 86_400_000), zone) ?? 0;
    const recorded = recordedTrace(db, "nur-zholy", from, to);
    expect(recorded.length).toBeGreaterThan(0);

    const res = await p.post({
      checkpointId: "nur-zholy",
      from: yesterday,
      to: today,
      "resources.scanners": String(cp.config.scanners + 1),
      replications: "1",
    });
    expect(res.status).toBe(303);
    const runId = idIn(res.headers.get("location"));
    const run = db
      .prepare("SELECT scenario, scenario_id, trace_id FROM sim_runs WHERE id = ?")
      .get(runId) as {
      scenario: string;
      scenario_id: string;
      trace_id: string;
    };
    const scenario = JSON.parse(run.scenario);
    expect(scenario.arrivals).toEqual({ kind: "trace", file: `recorded nur-zholy ${yesterday}..${today}` });
    expect(scenario.resources).toEqual({
      documentLanes: cp.config.documentLanes,
      scanners: cp.config.scanners + 1,
      inspectionBays: cp.config.inspectionBays,
    });
    expect(scenario.neighbourAcceptsPerDay).toBe(cp.config.dailyLimit);
    const trace = db.prepare("SELECT row_count FROM sim_traces WHERE id = ?").pluck().get(run.trace_id);
    expect(trace).toBe(recorded.length);
    expect(db.prepare("SELECT trace_id FROM scenarios WHERE id = ?").pluck().get(run.scenario_id)).toBe(
      run.trace_id,
    );

    const row = await finishedRun(db, runId);
    expect(row.error).toBeNull();
    expect(JSON.parse(row.result ?? "{}").trucksArrived).toBe(recorded.length);
  });

  it("refuses a bad period or resource beside its field, and saves nothing", async () => {
    const p = await planner();
    const before = [count("scenarios"), count("sim_traces"), count("sim_runs")];
    const backwards = await p.post({
      checkpointId: "nur-zholy",
      from: today,
      to: yesterday,
      replications: "1",
    });
    expect(backwards.status).toBe(422);
    expect(await backwards.text()).toContain('id="f-to-error">a day not before the first');

    const empty = await p.post({
      checkpointId: "nur-zholy",
      from: "2020-01-01",
      to: "2020-01-02",
      replications: "1",
    });
    expect(await empty.text()).toContain("no truck reached");

    const lanes = await p.post(
      {
        checkpointId: "nur-zholy",
        from: yesterday,
        to: today,
        "resources.documentLanes": "0",
        replications: "1",
      },
      { "HX-Request": "true" },
    );
    expect(lanes.status).toBe(200);
    expect(await lanes.text()).toMatch(
      /^<form id="replay"[\s\S]*id="f-resources-documentLanes-error">Too small/,
    );
    expect([count("scenarios"), count("sim_traces"), count("sim_runs")]).toEqual(before);
  });
});
