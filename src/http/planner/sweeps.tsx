/**
 * The planners' sweeps: the form (also shown beside the scenario editor), the sweep's page with its
 * live progress, table and chart, and its report as CSV and JSON. A refused form names the field
 * and runs nothing (422).
 */
import { type Context, Hono } from "hono";
import { type SweepFields, SweepFormPage, SweepPage } from "../../../views/planner/sweep.tsx";
import { readForm, sessionOf } from "../../auth/guard.ts";
import { sweepWaitChart } from "../../charts/sweep-chart.ts";
import { sweepQueue } from "../../planner/sweep-runner.ts";
import { parseScenario } from "../../sim/index.ts";
import { plannerSweepStore } from "../../store/planner-sweeps.ts";
import type { ScenarioRow, SimRunStore } from "../../store/sim-runs.ts";
import { numericFields, planSweep, type SweepReport, sweepCsv } from "../../sweep/index.ts";
import type { AppDeps } from "../deps.ts";

// the server runs a sweep on one thread: a sweep larger than this belongs on `npm run sweep`
export const MAX_SERVER_REPLICATIONS = 2000;

const FIELDS = ["field0", "range0", "field1", "range1", "replications", "targetWait"] as const;

export function sweepRoutes(deps: AppDeps, runs: SimRunStore) {
  const sweeps = plannerSweepStore(deps.db);
  const queue = sweepQueue(sweeps, runs, deps.now, console.log);
  queue.wake(); // a sweep queued before a restart was marked interrupted; nothing else waits
  const app = new Hono();

  const choicesOf = (s: ScenarioRow) => numericFields(JSON.parse(s.body));
  const formPage = (c: Context, s: ScenarioRow, fields: SweepFields, error?: string) =>
    c.html(
      <SweepFormPage
        name={s.name}
        editor={`/planner/scenarios/${s.id}`}
        action={`/planner/scenarios/${s.id}/sweeps`}
        csrf={sessionOf(c).csrf}
        choices={choicesOf(s)}
        fields={fields}
        error={error}
      />,
      error ? 422 : 200,
    );

  app.get("/planner/scenarios/:id/sweep", (c) => {
    const s = runs.scenario(c.req.param("id"));
    return s ? formPage(c, s, {}) : c.text("No such scenario.", 404);
  });

  app.post("/planner/scenarios/:id/sweeps", async (c) => {
    const s = runs.scenario(c.req.param("id"));
    if (!s) return c.text("No such scenario.", 404);
    const form = await readForm(c);
    const fields: SweepFields = {};
    for (const k of FIELDS) {
      const v = form[k];
      if (typeof v === "string") fields[k] = v.trim().slice(0, 200);
    }
    const refuse = (why: string) => formPage(c, s, fields, why);
    const vary: string[] = [];
    if (!fields.range0) return refuse("Give the values to vary over, such as 4..8.");
    vary.push(`${fields.field0 ?? ""}=${fields.range0}`);
    if (fields.field1 && fields.range1) vary.push(`${fields.field1}=${fields.range1}`);
    else if (fields.range1) return refuse("Choose the second field to vary, or leave its values empty.");
    const replications = Number(fields.replications || "10");
    if (!Number.isInteger(replications) || replications < 1 || replications > 100)
      return refuse("Replications: a whole number from 1 to 100.");
    const target = fields.targetWait ? Number(fields.targetWait) : undefined;
    if (target !== undefined && !(target > 0)) return refuse("Target wait: a number of minutes above 0.");
    const parsed = parseScenario(JSON.parse(s.body));
    if (!parsed.ok) return refuse(`The stored scenario is refused: ${parsed.message}`);
    const plan = planSweep(parsed.scenario, vary, replications, target);
    if (!plan.ok) return refuse(plan.message.replaceAll("--vary ", ""));
    const total = plan.value.combinations.length * replications;
    if (total > MAX_SERVER_REPLICATIONS)
      return refuse(
        `${total} replications: the server runs at most ${MAX_SERVER_REPLICATIONS} in one sweep; run a larger one with npm run sweep.`,
      );
    if (parsed.scenario.arrivals.kind === "trace" && !s.trace_id)
      return refuse("The scenario replays a trace, and none is stored with it.");
    const id = sweeps.queue(
      {
        scenarioId: s.id,
        scenario: parsed.scenario,
        vary,
        replications,
        targetWait: target,
        traceId: s.trace_id,
        total,
        by: sessionOf(c).user.id,
      },
      deps.now(),
    );
    queue.wake();
    return c.redirect(`/planner/sweeps/${id}`, 303);
  });

  const reportOf = (id: string) => {
    const sweep = sweeps.sweep(id);
    return sweep?.report ? { sweep, report: JSON.parse(sweep.report) as SweepReport } : null;
  };

  // /planner/sweeps/<id>.csv and .json, matched inside /planner/sweeps/:id as the runs' downloads are
  app.get("/planner/sweeps/:id", (c) => {
    const file = /^([A-Za-z0-9_-]+)\.(json|csv)$/.exec(c.req.param("id"));
    if (file) {
      const found = reportOf(file[1] ?? "");
      if (!found) return c.text("No finished sweep.", 404);
      const disposition = {
        "Content-Disposition": `attachment; filename="sweep-${found.sweep.id}.${file[2]}"`,
      };
      if (file[2] === "csv")
        return c.body(sweepCsv(found.report), 200, {
          "Content-Type": "text/csv; charset=utf-8",
          ...disposition,
        });
      return c.json({ ...found.report, scenarioFile: JSON.parse(found.sweep.scenario) }, 200, disposition);
    }
    const sweep = sweeps.sweep(c.req.param("id"));
    if (!sweep) return c.text("No such sweep.", 404);
    const name = runs.scenario(sweep.scenario_id)?.name ?? sweep.scenario_id;
    return c.html(
      <SweepPage sweep={sweep} name={name} scenarioHref={`/planner/scenarios/${sweep.scenario_id}`} />,
    );
  });

  app.get("/planner/sweeps/:id/wait.svg", (c) => {
    const found = reportOf(c.req.param("id"));
    if (!found) return c.text("No finished sweep.", 404);
    return c.body(sweepWaitChart(found.report), 200, {
      "Content-Type": "image/svg+xml",
      "Cache-Control": "private, max-age=3600",
    });
  });

  return { app, sweeps, choicesOf };
}
