/** The planners' pages: scenarios, the editor, a run with its charts, and a comparison. */

import type { RunRow, ScenarioRow } from "../../src/store/sim-runs.ts";
import { Layout } from "../layout.tsx";
import { AgvLane, Breakdown, Headlines, type Report } from "./report.tsx";

export type { Report };

const Csrf = (props: { token: string }) => <input type="hidden" name="_csrf" value={props.token} />;

const lastRun = (at: number | undefined) =>
  at === undefined ? "never" : new Date(at).toISOString().slice(0, 16).replace("T", " ");

export function ScenariosPage(props: {
  scenarios: ScenarioRow[];
  runs: RunRow[];
  /** scenario id -> when it last ran */
  lastRunAt: Map<string, number>;
  names: Map<string, string>;
  checkpoints: { id: string; name: string }[];
  csrf: string;
}) {
  return (
    <Layout title="Planner">
      <h1>Scenarios</h1>
      <p class="muted">Copy an example, change it, run it, and compare runs side by side.</p>
      <form method="get" action="/planner/checkpoints" class="row">
        <label>
          Or start from a checkpoint as configured
          <select name="checkpoint">
            {props.checkpoints.map((c) => (
              <option value={c.id}>{c.name}</option>
            ))}
          </select>
        </label>
        <button type="submit" class="secondary">
          New scenario
        </button>
      </form>
      <p>
        <a href="/planner/replay">Replay recorded traffic</a>: a checkpoint's recorded crossings against its
        configuration or a changed one. <a href="/planner/forecasts">Demand forecasts</a>: each checkpoint's
        demand 14 days ahead, its backtest, and a scenario from it.
      </p>
      <table>
        <thead>
          <tr>
            <th>Scenario</th>
            <th>Checkpoint</th>
            <th>Last run (UTC)</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {props.scenarios.map((s) => (
            <tr>
              <td>
                <a href={`/planner/scenarios/${s.id}`}>{s.name}</a>{" "}
                {s.example ? <span class="badge">example</span> : null}
              </td>
              <td>{s.checkpoint_id ?? "—"}</td>
              <td>{lastRun(props.lastRunAt.get(s.id))}</td>
              <td>
                <form method="post" action={`/planner/scenarios/${s.id}/runs`} class="row">
                  <Csrf token={props.csrf} />
                  <input type="hidden" name="replications" value="5" />
                  <button type="submit">Run ×5</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Runs</h2>
      <form method="get" action="/planner/compare">
        <table>
          <thead>
            <tr>
              <th>Compare</th>
              <th>Run</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {props.runs.map((r) => (
              <tr>
                <td>
                  {r.status === "done" ? (
                    <input type="checkbox" name="run" value={r.id} aria-label="compare" />
                  ) : null}
                </td>
                <td>
                  <a href={`/planner/runs/${r.id}`}>{props.names.get(r.scenario_id) ?? r.scenario_id}</a>{" "}
                  <span class="muted">seed {r.seed}</span>
                </td>
                <td>
                  {r.status}
                  {r.status === "running" ? ` ${Math.round(r.progress * 100)}%` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit">Compare the ticked runs</button>
      </form>
    </Layout>
  );
}

const CHARTS = ["queue", "arrivals", "wait", "utilisation", "stages", "resources", "channels"] as const;

export function RunPage(props: { run: RunRow; name: string; csrf: string }) {
  const { run } = props;
  const live = run.status === "queued" || run.status === "running";
  const report = run.result ? (JSON.parse(run.result) as Report) : null;
  return (
    <Layout title={`Run: ${props.name}`}>
      <h1>{props.name}</h1>
      <div
        id="run"
        {...(live
          ? {
              "hx-get": `/planner/runs/${run.id}`,
              "hx-trigger": "every 2s",
              "hx-select": "#run",
              "hx-swap": "outerHTML",
            }
          : {})}
      >
        <p>
          {run.status}
          {run.error ? ` — ${run.error}` : ""} · seed {run.seed} · {run.replications} replications · engine{" "}
          {run.engine_version}
        </p>
        {live ? (
          <>
            <progress max={1} value={run.progress}>
              {Math.round(run.progress * 100)}%
            </progress>
            <form method="post" action={`/planner/runs/${run.id}/cancel`}>
              <Csrf token={props.csrf} />
              <button type="submit" class="danger">
                Cancel
              </button>
            </form>
          </>
        ) : null}
        {report ? <Headlines report={report} /> : null}
        {report ? <AgvLane report={report} /> : null}
        {report ? <Breakdown report={report} /> : null}
        {report ? (
          <div class="charts">
            {[...CHARTS, ...(report.agvLane ? ["agv"] : [])].map((name) => (
              <img
                src={`/planner/runs/${run.id}/charts/${name}.svg`}
                alt={`${name} chart`}
                width={720}
                height={320}
              />
            ))}
          </div>
        ) : null}
        {report ? (
          <p>
            <a href={`/planner/runs/${run.id}.json`}>Download JSON</a> ·{" "}
            <a href={`/planner/runs/${run.id}.csv`}>Download CSV</a>
            {run.trace_id ? (
              <>
                {" "}
                · <a href={`/planner/runs/${run.id}/trace.csv`}>Download the trace it replayed</a>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
    </Layout>
  );
}

export function ComparePage(props: {
  runs: { id: string; label: string; report: Report }[];
  sentences: string[];
}) {
  const ids = props.runs.map((r) => `run=${r.id}`).join("&");
  return (
    <Layout title="Compare runs">
      <h1>Compare runs</h1>
      <ul>
        {props.sentences.map((s) => (
          <li>{s}</li>
        ))}
      </ul>
      <div class="grid">
        {props.runs.map((r) => (
          <div class="card">
            <h2>{r.label}</h2>
            <Headlines report={r.report} />
          </div>
        ))}
      </div>
      <div class="charts">
        {["wait", "utilisation", "stages"].map((name) => (
          <img
            src={`/planner/compare/charts/${name}.svg?${ids}`}
            alt={`${name} chart`}
            width={720}
            height={320}
          />
        ))}
      </div>
    </Layout>
  );
}
