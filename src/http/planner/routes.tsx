/**
 * The planners' workspace: scenarios (examples and their own), the editor validated by the
 * simulator's own schema, runs on a worker thread with live progress, charts and comparison.
 */
import { type Context, Hono } from "hono";
import { ComparePage, type Report, RunPage, ScenariosPage } from "../../../views/planner/pages.tsx";
import { authGuard, readForm, sessionOf } from "../../auth/guard.ts";
import { sessionStore } from "../../auth/sessions.ts";
import {
  agvLaneChart,
  arrivalsChart,
  channelsChart,
  queueChart,
  resourcesChart,
  stagesChart,
  utilisationChart,
  waitChart,
} from "../../charts/run-charts.ts";
import { neutraliseCsv } from "../../domain/csv.ts";
import { describeChange } from "../../planner/compare.ts";
import { ensureExampleScenarios } from "../../planner/examples.ts";
import { runQueue } from "../../planner/runner.ts";
import { reportCsv } from "../../sim/report-csv.ts";
import { simRunStore } from "../../store/sim-runs.ts";
import { bodyLimit } from "../body-limit.ts";
import type { AppDeps } from "../deps.ts";
import { editorRoutes, MAX_TRACE_BYTES } from "./editor.tsx";
import { forecastRoutes } from "./forecasts.tsx";
import { replayRoutes } from "./replay.tsx";
import { sweepRoutes } from "./sweeps.tsx";

// 2: issue 16, trucks wait before the gate for the neighbour, holds park, reports say where every truck stands
export const ENGINE_VERSION = "shekara-sim 2";

export function plannerRoutes(deps: AppDeps) {
  const runs = simRunStore(deps.db);
  ensureExampleScenarios(runs, deps.now());
  const queue = runQueue(runs, deps.now, console.log);
  const guard = authGuard(sessionStore(deps.db, deps.users), deps.now);
  const app = new Hono();
  // refused by its Content-Length (or as it streams) before the sign-in check reads the form: a
  // trace upload is the largest body a planner sends
  const tooLarge = `Too large: a trace CSV may be at most ${MAX_TRACE_BYTES / 1024 / 1024} MB. Nothing was saved.`;
  const limit = bodyLimit({
    maxSize: MAX_TRACE_BYTES + 64 * 1024,
    // htmx swaps only 2xx answers: it gets the message as a 200 aimed at the upload's own error place
    onError: (c) =>
      c.req.header("HX-Request") === "true"
        ? c.text(tooLarge, 200, { "HX-Retarget": "#upload-refusal", "HX-Reswap": "innerHTML" })
        : c.text(tooLarge, 413),
  });
  for (const path of ["/planner", "/planner/*"])
    app.use(path, limit, guard.requireSignIn, guard.requireRole("planner", "admin"));
  app.route("/", editorRoutes(deps, runs));
  app.route("/", replayRoutes(deps, runs, queue, ENGINE_VERSION));
  app.route("/", sweepRoutes(deps, runs).app);
  app.route("/", forecastRoutes(deps));

  const svg = (c: Context, body: string) =>
    c.body(body, 200, { "Content-Type": "image/svg+xml", "Cache-Control": "private, max-age=3600" });
  const reportOf = (id: string) => {
    const run = runs.run(id);
    return run?.result ? { run, report: JSON.parse(run.result) as Report } : null;
  };
  const scenarioName = (id: string) => runs.scenario(id)?.name ?? id;

  app.get("/planner", (c) => {
    const scenarios = runs.scenarios();
    return c.html(
      <ScenariosPage
        scenarios={scenarios}
        runs={runs.recentRuns(50)}
        lastRunAt={runs.lastRunAt()}
        names={new Map(scenarios.map((s) => [s.id, s.name]))}
        checkpoints={deps.checkpoints.list().map((cp) => ({ id: cp.id, name: cp.name }))}
        csrf={sessionOf(c).csrf}
      />,
    );
  });

  // the list's checkpoint picker is a plain GET form: its answer names the editor's address
  app.get("/planner/checkpoints", (c) => {
    const id = c.req.query("checkpoint");
    return c.redirect(id ? `/planner/checkpoints/${encodeURIComponent(id)}/scenario` : "/planner", 303);
  });

  app.post("/planner/scenarios/:id/runs", async (c) => {
    const s = runs.scenario(c.req.param("id"));
    if (!s) return c.text("No such scenario.", 404);
    const form = await readForm(c);
    const replications = Math.min(
      20,
      Math.max(1, Number.parseInt(String(form.replications ?? "1"), 10) || 1),
    );
    const scenario = JSON.parse(s.body) as { seed: number };
    const id = runs.queueRun(
      {
        scenarioId: s.id,
        scenario,
        seed: scenario.seed,
        replications,
        engineVersion: ENGINE_VERSION,
        traceId: s.trace_id,
        by: sessionOf(c).user.id,
      },
      deps.now(),
    );
    queue.wake();
    return c.redirect(`/planner/runs/${id}`, 303);
  });

  // with the scenario file from the JSON, the trace lets anyone run a replay again
  app.get("/planner/runs/:id/trace.csv", (c) => {
    const run = runs.run(c.req.param("id"));
    const trace = run?.trace_id ? runs.trace(run.trace_id) : undefined;
    if (!run || !trace) return c.text("This run replayed no trace.", 404);
    // served as uploaded, but with every cell neutralised: a planner opens it in a spreadsheet
    return c.body(neutraliseCsv(trace.csv), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="trace-${run.id}.csv"`,
    });
  });

  // A run's report as a download: /planner/runs/<id>.json (with its scenario, to run it again)
  // or <id>.csv (the headline figures, then the hourly series, for a spreadsheet). Matched inside
  // /planner/runs/:id, since patterns that overlap it would cost every request the slower router.
  const download = (c: Context, id: string, kind: string) => {
    const found = reportOf(id);
    if (!found) return c.text("No finished run.", 404);
    const disposition = { "Content-Disposition": `attachment; filename="run-${found.run.id}.${kind}"` };
    if (kind === "csv")
      return c.body(reportCsv(found.report), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        ...disposition,
      });
    return c.json(
      {
        ...found.report,
        engineVersion: found.run.engine_version,
        scenarioFile: JSON.parse(found.run.scenario),
      },
      200,
      disposition,
    );
  };

  app.get("/planner/runs/:id", (c) => {
    const file = /^([A-Za-z0-9_-]+)\.(json|csv)$/.exec(c.req.param("id"));
    if (file) return download(c, file[1] ?? "", file[2] ?? "");
    const run = runs.run(c.req.param("id"));
    if (!run) return c.text("No such run.", 404);
    return c.html(<RunPage run={run} name={scenarioName(run.scenario_id)} csrf={sessionOf(c).csrf} />);
  });

  app.post("/planner/runs/:id/cancel", (c) => {
    const id = c.req.param("id");
    if (!runs.run(id)) return c.text("No such run.", 404);
    queue.cancel(id);
    return c.redirect(`/planner/runs/${id}`, 303);
  });

  app.get("/planner/runs/:id/charts/:name", (c) => {
    const found = reportOf(c.req.param("id"));
    if (!found) return c.text("No finished run.", 404);
    const { report } = found;
    const one = [{ label: report.scenario, wait: report.waitMinutes, ...report }];
    // the Smart Customs lane's gates beside the manned resources, when the run has them (issue 22)
    const withAgv = one.map((r) => ({
      ...r,
      utilisation: { ...r.utilisation, ...(r.agvLane ? { agvLane: r.agvLane.utilisation } : {}) },
    }));
    const charts: Record<string, () => string> = {
      "arrivals.svg": () => arrivalsChart(report.hourly),
      "queue.svg": () => queueChart(report.hourly),
      "wait.svg": () => waitChart(one),
      "utilisation.svg": () => utilisationChart(withAgv),
      "agv.svg": () => agvLaneChart(one),
      "stages.svg": () => stagesChart(one),
      "resources.svg": () =>
        resourcesChart([
          {
            label: report.scenario,
            wait: report.resourceWaitMinutes,
            service: report.resourceServiceMinutes,
          },
        ]),
      "channels.svg": () => channelsChart(report.byChannel),
    };
    const name = c.req.param("name");
    const draw = Object.hasOwn(charts, name) ? charts[name] : undefined;
    return draw ? svg(c, draw()) : c.text("No such chart.", 404);
  });

  // the run made first is the base the others are compared against
  const compared = (c: Context) =>
    (c.req.queries("run") ?? [])
      .slice(0, 4)
      .flatMap((id) => {
        const found = reportOf(id);
        return found ? [found] : [];
      })
      .sort((a, b) => a.run.created_at - b.run.created_at)
      .map(({ run, report }) => ({
        id: run.id,
        label: `${scenarioName(run.scenario_id)} (seed ${run.seed})`,
        report,
      }));

  app.get("/planner/compare", (c) => {
    const list = compared(c);
    if (list.length < 2) return c.text("Tick two to four finished runs to compare.", 400);
    const [base, ...others] = list;
    if (!base) return c.text("Tick two to four finished runs to compare.", 400);
    const headline = (r: (typeof list)[number]) => ({
      label: r.label,
      waitP90: r.report.waitMinutes.p90,
      waitMean: r.report.waitMinutes.mean,
      throughputPerHour: r.report.throughputPerHour,
    });
    return c.html(
      <ComparePage runs={list} sentences={others.map((o) => describeChange(headline(base), headline(o)))} />,
    );
  });

  app.get("/planner/compare/charts/:name{[a-z]+\\.svg}", (c) => {
    const list = compared(c).map((r) => ({
      ...r.report,
      label: r.label,
      wait: r.report.waitMinutes,
    }));
    if (list.length === 0) return c.text("No finished runs.", 404);
    const charts: Record<string, () => string> = {
      "wait.svg": () => waitChart(list),
      "utilisation.svg": () => utilisationChart(list),
      "stages.svg": () => stagesChart(list),
    };
    const name = c.req.param("name");
    const draw = Object.hasOwn(charts, name) ? charts[name] : undefined;
    return draw ? svg(c, draw()) : c.text("No such chart.", 404);
  });

  return app;
}
