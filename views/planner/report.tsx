/** A run's report on the planners' pages: the warnings, the headline figures, the Smart Customs lane and the breakdown. */

import type { SimReport } from "../../src/sim/report.ts";

/** A stored run's report: the simulator's JSON. */
export type Report = Omit<SimReport, "wallSeconds">;

/** Minutes as read at a glance; "no trucks" where none went (never a 0 that looks good). */
const m = (n: number | null) =>
  n === null
    ? "no trucks"
    : n >= 90
      ? `${(n / 60).toFixed(1)} h`
      : n < 1
        ? `${Number(n.toPrecision(2))} min`
        : `${Math.round(n)} min`;
const count = (n: number) => Math.round(n).toLocaleString("en");

/** The steady-state verdict and every warning, above the figures they qualify. */
export function Warnings(props: { report: Report }) {
  const r = props.report;
  // a run stored before issue 16 carries no verdict
  if (r.steadyState === undefined) return null;
  return (
    <div class={r.steadyState ? "notice ok" : "notice bad"} role={r.steadyState ? undefined : "alert"}>
      <strong>
        {r.steadyState
          ? "Steady state: every stage keeps up with its load."
          : "No steady state: a queue grows for as long as the run lasts, so its waits depend on the run's length."}
      </strong>
      {r.warnings.length > 0 ? (
        <ul>
          {r.warnings.map((w) => (
            <li>{w}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function Headlines(props: { report: Report }) {
  const r = props.report;
  const per = (n: number) => count(n / r.replications);
  const newer = r.trucksExited !== undefined;
  return (
    <>
      <Warnings report={r} />
      <table>
        <tbody>
          {newer ? (
            <>
              <tr>
                <th>Trucks arrived / left for the neighbour / still there at the end</th>
                <td>
                  {per(r.trucksArrived)} / {per(r.trucksExited)} / {per(r.trucksInsideAtEnd)}
                  {r.replications > 1 ? <span class="muted"> (each replication, on average)</span> : null}
                </td>
              </tr>
              <tr>
                <th>Still there at the end: e-queue / before the gate / inside</th>
                <td>
                  {per(r.insideAtEnd.virtualQueue)} / {per(r.insideAtEnd.gateQueue)} /{" "}
                  {per(r.insideAtEnd.checkpoint)}
                </td>
              </tr>
              <tr>
                <th>Queue before the gate: mean / max / at the end</th>
                <td>
                  {count(r.gateQueue.mean)} / {count(r.gateQueue.max)} / {count(r.gateQueue.atEnd)} trucks
                </td>
              </tr>
              {r.virtualQueue.max > 0 ? (
                <tr>
                  <th>E-queue (not at the border): mean / max / at the end</th>
                  <td>
                    {count(r.virtualQueue.mean)} / {count(r.virtualQueue.max)} / {count(r.virtualQueue.atEnd)}{" "}
                    trucks
                  </td>
                </tr>
              ) : null}
              <tr>
                <th>Wait before the gate, mean / p90</th>
                <td>
                  {m(r.gateWaitMinutes.mean)} / {m(r.gateWaitMinutes.p90)}
                </td>
              </tr>
            </>
          ) : null}
          <tr>
            <th>Wait in the waiting area, mean</th>
            <td>
              {m(r.waitMinutes.mean)}
              {r.waitMinutes.ci95
                ? ` (95% CI ${m(r.waitMinutes.ci95[0])} – ${m(r.waitMinutes.ci95[1])})`
                : ""}
            </td>
          </tr>
          <tr>
            <th>Wait in the waiting area, p90 / p95</th>
            <td>
              {m(r.waitMinutes.p90)} / {m(r.waitMinutes.p95)}
            </td>
          </tr>
          {newer ? (
            <tr>
              <th>Entry to release, mean (Time Release Study)</th>
              <td>{m(r.entryToReleaseMinutes.mean)}</td>
            </tr>
          ) : null}
          <tr>
            <th>Time at the border, mean (of the trucks that left)</th>
            <td>{m(r.timeInSystemMinutes.mean)}</td>
          </tr>
          <tr>
            <th>Throughput (trucks leaving in the measured period)</th>
            <td>{Math.round(r.throughputPerHour * 10) / 10} trucks/h</td>
          </tr>
          {Object.entries(r.utilisation).map(([k, v]) => (
            <tr>
              <th>Utilisation, {k}</th>
              <td>{Math.round(v * 100)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The Smart Customs AGV lane's figures, apart from the manned lanes' (issue 22); nothing without one. */
export function AgvLane(props: { report: Report }) {
  const a = props.report.agvLane;
  if (!a) return null;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return (
    <section id="agv-lane">
      <h2>Smart Customs lane (driverless trucks)</h2>
      <table>
        <tbody>
          <tr>
            <th>Gates · driverless share of arrivals</th>
            <td>
              {a.gates} · {pct(a.driverlessShare)}
            </td>
          </tr>
          <tr>
            <th>Driverless trucks (all replications)</th>
            <td>{a.driverless}</td>
          </tr>
          <tr>
            <th>Released through the lane, a day</th>
            <td>{Math.round(a.releasedPerDay)}</td>
          </tr>
          <tr>
            <th>Handed to the manned lanes (yellow, red), a day</th>
            <td>{Math.round(a.handedToMannedPerDay)}</td>
          </tr>
          <tr>
            <th>Wait for a gate, mean / p90 / p95</th>
            <td>
              {m(a.waitMinutes.mean)} / {m(a.waitMinutes.p90)} / {m(a.waitMinutes.p95)}
            </td>
          </tr>
          <tr>
            <th>Queue at the gates, mean / max</th>
            <td>
              {a.queue.mean.toFixed(2)} / {a.queue.max}
            </td>
          </tr>
          <tr>
            <th>Utilisation of the gates</th>
            <td>{pct(a.utilisation)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

const RESOURCE_WORDS: Record<string, string> = {
  documentLanes: "Document lanes",
  scanners: "Scanners",
  inspectionBays: "Inspection bays",
};

/** Each resource's queue apart from its service, and the figures by channel and by priority class. */
export function Breakdown(props: { report: Report }) {
  const r = props.report;
  if (r.resourceWaitMinutes === undefined) return null;
  const groups = (title: string, list: [string, Report["byChannel"]["green"]][]) => (
    <>
      <h2>{title}</h2>
      <table>
        <thead>
          <tr>
            <th />
            <th>Arrived</th>
            <th>Left for the neighbour</th>
            <th>Before the gate, mean</th>
            <th>Waiting area, mean / p90</th>
            <th>Entry to release, mean</th>
            <th>At the border, mean</th>
          </tr>
        </thead>
        <tbody>
          {list.map(([name, g]) => (
            <tr>
              <th>{name}</th>
              <td>{count(g.trucksArrived / r.replications)}</td>
              <td>{count(g.trucksCompleted / r.replications)}</td>
              <td>{m(g.gateWaitMinutes.mean)}</td>
              <td>
                {m(g.waitMinutes.mean)} / {m(g.waitMinutes.p90)}
              </td>
              <td>{m(g.entryToReleaseMinutes.mean)}</td>
              <td>{m(g.timeInSystemMinutes.mean)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
  return (
    <section>
      <h2>Resources: the wait for each, apart from its service</h2>
      <table>
        <thead>
          <tr>
            <th />
            <th>Wait, mean / p90</th>
            <th>Service, mean</th>
            <th>Utilisation</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(r.resourceWaitMinutes).map(([k, w]) => (
            <tr>
              <th>{RESOURCE_WORDS[k] ?? k}</th>
              <td>
                {m(w.mean)} / {m(w.p90)}
              </td>
              <td>{m(r.resourceServiceMinutes[k as keyof Report["resourceServiceMinutes"]].mean)}</td>
              <td>{Math.round(r.utilisation[k as keyof Report["utilisation"]] * 100)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      {groups("By channel", Object.entries(r.byChannel))}
      {groups(
        "By priority class",
        Object.entries(r.byClass).filter(([, g]) => g.trucksArrived > 0),
      )}
    </section>
  );
}
