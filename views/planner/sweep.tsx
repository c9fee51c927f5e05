/** A sweep: its form (beside the scenario editor), and its page with progress, table and chart. */

import type { SweepRow } from "../../src/store/planner-sweeps.ts";
import type { SweepReport } from "../../src/sweep/index.ts";
import { Layout } from "../layout.tsx";

/** The form's fields as the planner typed them, kept on a refusal. */
export interface SweepFields {
  field0?: string;
  range0?: string;
  field1?: string;
  range1?: string;
  replications?: string;
  targetWait?: string;
}

export interface SweepFormProps {
  action: string;
  csrf: string;
  /** the numbers the scenario has, e.g. resources.scanners */
  choices: string[];
  fields: SweepFields;
  error?: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function VaryRow(props: { i: 0 | 1; choices: string[]; field?: string; range?: string }) {
  const optional = props.i === 1;
  return (
    <div class="row">
      <label>
        {optional ? "And vary (optional)" : "Vary"}
        <select name={`field${props.i}`}>
          {optional ? <option value="">—</option> : null}
          {props.choices.map((f) => (
            <option value={f} selected={f === props.field}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <label>
        over (from..to, or a list: 0.6,0.7)
        <input name={`range${props.i}`} value={props.range ?? ""} placeholder={optional ? "" : "4..8"} />
      </label>
    </div>
  );
}

export function SweepForm(props: SweepFormProps) {
  const f = props.fields;
  return (
    <section id="sweep-form" aria-labelledby="sweep-heading">
      <h2 id="sweep-heading">Sweep: run every combination</h2>
      <p class="muted">
        Each combination runs the same replications (replication i on seed + i), so the differences are the
        configuration's, not chance's.
      </p>
      <form method="post" action={props.action}>
        <input type="hidden" name="_csrf" value={props.csrf} />
        {props.error ? (
          <p class="notice bad" role="alert">
            {props.error} Nothing was run.
          </p>
        ) : null}
        <VaryRow i={0} choices={props.choices} field={f.field0 ?? props.choices[0]} range={f.range0} />
        <VaryRow i={1} choices={props.choices} field={f.field1} range={f.range1} />
        <div class="row">
          <label>
            Replications per combination
            <input name="replications" type="number" min={1} max={100} value={f.replications ?? "10"} />
          </label>
          <label>
            Target wait, minutes (optional)
            <input name="targetWait" type="number" min={0} step="any" value={f.targetWait ?? ""} />
          </label>
        </div>
        <button type="submit">Run the sweep</button>
      </form>
    </section>
  );
}

export function SweepFormPage(props: SweepFormProps & { name: string; editor: string }) {
  return (
    <Layout title={`Sweep: ${props.name}`}>
      <h1>{props.name}</h1>
      <p>
        <a href={props.editor}>Back to the scenario</a>
      </p>
      <SweepForm {...props} />
    </Layout>
  );
}

function SweepTable(props: { report: SweepReport }) {
  const r = props.report;
  return (
    <table id="sweep-table">
      <thead>
        <tr>
          {r.vary.map((v) => (
            <th>{v.field}</th>
          ))}
          <th>Wait, mean (min)</th>
          <th>95% interval</th>
          <th>Wait, p90</th>
          <th>Trucks/h</th>
          <th>Lanes</th>
          <th>Scanners</th>
          <th>Bays</th>
        </tr>
      </thead>
      <tbody>
        {r.combinations.map((c, i) => (
          <tr class={r.meetsTarget?.index === i ? "meets-target" : undefined}>
            {r.vary.map((v) => (
              <td>{c.values[v.field]}</td>
            ))}
            <td>{c.waitMinutes.mean ?? "no trucks"}</td>
            <td>{c.waitMinutes.ci95 ? `${c.waitMinutes.ci95[0]} – ${c.waitMinutes.ci95[1]}` : "—"}</td>
            <td>{c.waitMinutes.p90}</td>
            <td>{c.throughputPerHour}</td>
            <td>{pct(c.utilisation.documentLanes)}</td>
            <td>{pct(c.utilisation.scanners)}</td>
            <td>{pct(c.utilisation.inspectionBays)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Target(props: { report: SweepReport }) {
  const r = props.report;
  if (r.targetWaitMinutes === undefined) return null;
  if (!r.meetsTarget)
    return <p>No combination keeps the wait's 95% upper bound within {r.targetWaitMinutes} min.</p>;
  const named = Object.entries(r.meetsTarget.values)
    .map(([k, v]) => `${k} = ${v}`)
    .join(", ");
  return (
    <p class="notice">
      Smallest configuration keeping the wait's 95% upper bound within {r.targetWaitMinutes} min: {named}
    </p>
  );
}

export function SweepPage(props: { sweep: SweepRow; name: string; scenarioHref: string }) {
  const s = props.sweep;
  const live = s.status === "queued" || s.status === "running";
  const report = s.report ? (JSON.parse(s.report) as SweepReport) : null;
  const vary = JSON.parse(s.vary) as string[];
  return (
    <Layout title={`Sweep: ${props.name}`}>
      <h1>Sweep: {props.name}</h1>
      <p>
        <a href={props.scenarioHref}>Back to the scenario</a>
      </p>
      <div
        id="sweep"
        {...(live
          ? {
              "hx-get": `/planner/sweeps/${s.id}`,
              "hx-trigger": "every 2s",
              "hx-select": "#sweep",
              "hx-swap": "outerHTML",
            }
          : {})}
      >
        <p>
          <span id="sweep-status">{s.status}</span>
          {s.error ? ` — ${s.error}` : ""} · {vary.join(" · ")} · {s.replications} replications per
          combination
        </p>
        {live ? (
          <p>
            <progress max={s.total} value={s.done}>
              {s.done} of {s.total}
            </progress>{" "}
            {s.done} of {s.total} replications
          </p>
        ) : null}
        {report ? (
          <>
            <Target report={report} />
            <SweepTable report={report} />
            <img
              src={`/planner/sweeps/${s.id}/wait.svg`}
              alt="Mean wait against the varied value, with its 95% interval"
              width={720}
              height={320}
            />
            <p>
              <a href={`/planner/sweeps/${s.id}.csv`}>Download CSV</a> ·{" "}
              <a href={`/planner/sweeps/${s.id}.json`}>Download JSON</a>
            </p>
          </>
        ) : null}
      </div>
    </Layout>
  );
}

export function SweepList(props: { sweeps: SweepRow[] }) {
  if (props.sweeps.length === 0) return null;
  return (
    <ul id="sweeps">
      {props.sweeps.map((s) => (
        <li>
          <a href={`/planner/sweeps/${s.id}`}>{(JSON.parse(s.vary) as string[]).join(" · ")}</a> ({s.status})
        </li>
      ))}
    </ul>
  );
}
