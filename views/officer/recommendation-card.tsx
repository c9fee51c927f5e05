/**
 * The supervisor's recommendation card on Shift settings: the forecast with its 80% band, the
 * recommended limit, slots and lanes, what binds, the simulated wait and the backtest's accuracy.
 * Accepting writes the settings through the audited settings path; nothing changes by itself.
 */
import { METHOD_NAMES } from "../../src/charts/forecast-charts.ts";
import type { RecommendationRequest, StoredRecommendation } from "../../src/store/recommendations.ts";
import { localDateTime } from "../local-time.ts";

export interface RecommendationCardProps {
  checkpointId: string;
  timezone: string;
  csrf: string;
  recommendation: StoredRecommendation | null;
  /** the latest computation asked for: computing, done or failed */
  request?: RecommendationRequest | null;
  /** why no recommendation could be computed just now (too little recorded demand) */
  refused?: string | undefined;
}

/** "Computing" while the worker thread works, or why the last computation failed; the polling attributes. */
function progressOf(props: RecommendationCardProps) {
  const req = props.request;
  const base = `/officer/${props.checkpointId}/settings/recommendation`;
  if (req?.status === "computing")
    return {
      computing: true,
      notice: (
        <p class="notice" role="status" id="recommendation-computing">
          Computing a new recommendation (asked {localDateTime(req.requestedAt, props.timezone)}): the
          backtests and the simulator take a few seconds to a minute; this card shows it when it is ready.
        </p>
      ),
      // htmx swaps in the card's fragment every 2 s until the recommendation is stored
      poll: { "hx-get": `${base}-card`, "hx-trigger": "every 2s", "hx-swap": "outerHTML" },
    };
  if (req?.status === "failed")
    return {
      computing: false,
      notice: (
        <p class="notice bad" role="alert">
          The last computation failed: {req.error}.
        </p>
      ),
      poll: {},
    };
  return { computing: false, notice: null, poll: {} };
}

const n = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : Math.round(v).toLocaleString("en");

const BINDING: Record<string, string> = {
  neighbour: "the neighbour's acceptance",
  documentLanes: "our document-check lanes",
  scanners: "our scanners",
  inspectionBays: "our inspection bays",
};

function Binding(props: { r: StoredRecommendation }) {
  const rec = props.r.recommendation;
  const own = rec.ownCapacity[rec.binding === "neighbour" ? "documentLanes" : rec.binding];
  const smallestOwn = Math.min(...Object.values(rec.ownCapacity).map((v) => v ?? Number.POSITIVE_INFINITY));
  return (
    <p id="binding">
      <strong>Binding constraint: {BINDING[rec.binding]}.</strong>{" "}
      {rec.binding === "neighbour"
        ? `The neighbour took at least about ${n(rec.acceptance.cautious)} trucks on most days (20th percentile of the last 14 days, median ${n(rec.acceptance.median)}); our own capacity is about ${n(smallestOwn)} a day.`
        : `Our capacity is about ${n(own)} a day, below the ${n(rec.acceptance.cautious)} the neighbour takes on most days.`}
      {props.r.acceptanceFromConfig
        ? " No releases are recorded yet, so the configured daily limit stood in for the neighbour's acceptance."
        : ""}
    </p>
  );
}

export function RecommendationCard(props: RecommendationCardProps) {
  const base = `/officer/${props.checkpointId}/settings/recommendation`;
  const r = props.recommendation;
  const progress = progressOf(props);
  const compute = progress.computing ? null : (
    <form method="post" action={base}>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <button type="submit" class="secondary">
        Compute a new recommendation
      </button>
    </form>
  );
  if (!r)
    return (
      <section class="card" id="recommendation" aria-labelledby="recommendation-title" {...progress.poll}>
        <h2 id="recommendation-title">Recommendation</h2>
        {progress.notice}
        {props.refused ? (
          <p class="notice bad" role="alert">
            No recommendation: {props.refused}.
          </p>
        ) : progress.computing ? null : (
          <p class="muted">None computed yet.</p>
        )}
        {compute}
      </section>
    );
  const rec = r.recommendation;
  const f = r.forecast;
  const chosen = f.methods.find((m) => m.name === f.chosen);
  const factors = Object.entries(f.factors.weekday)
    .map(([day, v]) => `${day} ×${v.toFixed(2)}`)
    .join(", ");
  return (
    <section class="card" id="recommendation" aria-labelledby="recommendation-title" {...progress.poll}>
      <h2 id="recommendation-title">Recommendation {r.id}</h2>
      {progress.notice}
      <p class="muted">
        Computed {localDateTime(r.at, props.timezone)} from {r.historyDays} days of recorded demand (booking
        attempts including refusals, walk-ins, declarations). Nothing changes until you accept it.
      </p>
      {props.refused ? (
        <p class="notice bad" role="alert">
          No new recommendation: {props.refused}.
        </p>
      ) : null}
      <img
        src={`${base}/${r.id}/forecast.svg`}
        alt="Demand forecast with its 80% interval"
        width={720}
        height={320}
      />
      <table id="recommended">
        <thead>
          <tr>
            <th>Setting</th>
            <th>Now</th>
            <th>Recommended</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Daily limit</td>
            <td>{n(r.current.dailyLimit)}</td>
            <td>
              <strong>{n(rec.dailyLimit)}</strong>
            </td>
          </tr>
          <tr>
            <td>Trucks per slot</td>
            <td>{n(r.current.slotCapacity)}</td>
            <td>
              {n(rec.slotCapacity)} ({n(Math.max(...rec.slotsPerHour))} places an hour at the busiest hour)
            </td>
          </tr>
          <tr>
            <td>Document-check lanes</td>
            <td>{n(r.current.documentLanes)}</td>
            <td>
              {rec.lanesPerShift.map((s) => `${s.fromHour}-${s.toHour} h: ${s.documentLanes}`).join(" · ")}
            </td>
          </tr>
        </tbody>
      </table>
      <Binding r={r} />
      <p>
        Demand forecast for the coming week: median {n(rec.demand.p50)} a day, 90th percentile{" "}
        {n(rec.demand.p90)}.{" "}
        {rec.backlog > 0
          ? rec.drainDays === null
            ? `The standing backlog of ${n(rec.backlog)} trucks does not drain at this limit.`
            : `The standing backlog of ${n(rec.backlog)} trucks drains in about ${rec.drainDays} days.`
          : "No standing backlog."}
        {rec.closedDays.length
          ? ` Closed (announced): ${rec.closedDays.join(", ")}: take no bookings those days.`
          : ""}
      </p>
      <p id="simulated">
        Simulated ({rec.sim.replications} replications of {rec.sim.days} days, same random numbers for every
        candidate, at the 90th-percentile demand): wait P50 {rec.sim.p50Wait} min, P90 {rec.sim.p90Wait} min;
        the P90 wait stays within {rec.sim.targetWaitMinutes} min in {Math.round(rec.sim.passShare * 100)}% of
        replications{rec.sim.holds ? "." : ", short of the 95% aimed for: add lanes beyond these."} Trucks
        standing at the border after {rec.sim.days} days (before the gate and inside, at most over the
        replications): {n(rec.sim.backlogAtEnd)}, from {n(rec.backlog)}; demand above the limit waits in the
        e-queue.
      </p>
      <p id="accuracy">
        Backtest ({f.origins} weekly origins, 1, 7 and 14 days ahead):{" "}
        {f.naiveFallback
          ? "no method beat the seasonal naive (same weekday last week), so the seasonal naive is used."
          : `${METHOD_NAMES[f.chosen] ?? f.chosen} chosen, MASE ${chosen?.mase ?? "—"}, MAPE ${chosen?.mape ?? "—"}%, ${Math.round((chosen?.coverage80 ?? 0) * 100)}% of days inside the 80% interval.`}
      </p>
      <table id="backtest">
        <thead>
          <tr>
            <th>Method</th>
            <th>MASE</th>
            <th>MAPE</th>
            <th>80% coverage</th>
          </tr>
        </thead>
        <tbody>
          {f.methods.map((m) => (
            <tr>
              <td>
                {METHOD_NAMES[m.name] ?? m.name}
                {m.name === f.chosen ? " (chosen)" : ""}
              </td>
              <td>{m.mase}</td>
              <td>{m.mape}%</td>
              <td>{Math.round(m.coverage80 * 100)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        Days of the week: {factors}. Kazakh holidays ×{f.factors.holidayKz}, Chinese holidays ×
        {f.factors.holidayCn}, trend ×{f.factors.trendPerYear} a year. Trust the limit and the binding
        constraint most; the lanes are checked by a simulator whose service times are estimates; the forecast
        knows only the holidays and closures in the calendar.
      </p>
      <form method="post" action={`${base}/${r.id}/accept`}>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <button type="submit">Accept recommendation {r.id}</button>{" "}
        <span class="muted">
          writes the daily limit, trucks per slot and the busiest shift's lanes, with the reason
          "recommendation {r.id}"
        </span>
      </form>
      {compute}
    </section>
  );
}
